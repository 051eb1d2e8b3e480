package io.viplane.topology;

import io.viplane.model.TicketEvent;
import io.viplane.model.TicketEventType;
import io.viplane.policy.Policy;
import io.viplane.risk.ChurnFinding;
import io.viplane.risk.SentimentJudge;
import io.viplane.risk.SentimentJudgement;
import io.viplane.risk.SentimentSource;
import io.viplane.risk.SignalsPolicy;
import io.viplane.routing.TicketState;
import io.viplane.signals.ChurnDetector;
import io.viplane.signals.LexiconSentimentScorer;
import java.util.List;

/**
 * Reads the customer's own words (churn language, a baseline sentiment score) and judges the ticket's
 * sentiment. The text is read here and never stored or forwarded: only findings and scores are kept.
 */
final class SignalStage {
    private final ChurnDetector churn = ChurnDetector.withDefaultLexicon();
    private final LexiconSentimentScorer baseline = LexiconSentimentScorer.withDefaultLexicon();
    private final SignalsPolicy policy;
    private final SentimentJudge judge;

    SignalStage(Policy policy) {
        this.policy = SignalsPolicy.fromPolicy(policy);
        this.judge = new SentimentJudge(this.policy);
    }

    SignalsPolicy policy() {
        return policy;
    }

    /** @return the churn findings of this event's text (empty for events without customer text) */
    List<ChurnFinding> read(TicketState s, TicketEvent e) {
        if (e == null || (e.getType() != TicketEventType.CREATED && e.getType() != TicketEventType.CUSTOMER_MESSAGE)) {
            return List.of();
        }
        String text = customerText(e);
        if (text.isBlank()) {
            return List.of();
        }
        List<ChurnFinding> findings = ChurnFinding.of(churn.detect(text));
        s.foundChurn(findings);
        if (s.baselineSentimentAt == null || !e.getOccurredAt().isBefore(s.baselineSentimentAt)) {
            s.baselineSentiment = baseline.score(text).score();
            s.baselineSentimentAt = e.getOccurredAt();
        }
        return findings;
    }

    static String customerText(TicketEvent e) {
        String subject = e.getType() == TicketEventType.CREATED && e.getSubject() != null ? e.getSubject() : "";
        String body = e.getBody() == null ? "" : e.getBody();
        return subject.isEmpty() ? body : subject + "\n" + body;
    }

    /** External (NLP service) scores win over the built-in baseline, as the policy says. */
    SentimentJudgement judge(TicketState s) {
        boolean external = s.externalSentiment != null
                && (policy.sentiment().prefer() == SentimentSource.EXTERNAL || s.baselineSentiment == null);
        Double score = external ? s.externalSentiment : s.baselineSentiment;
        SentimentSource source = score == null ? null : external ? SentimentSource.EXTERNAL : SentimentSource.BASELINE;
        return judge.judge(score, source, s.churn);
    }
}
