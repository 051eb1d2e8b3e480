package io.viplane.topology;

import io.viplane.model.TicketEvent;
import io.viplane.model.TicketEventType;
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
    private final ChurnDetector churn;
    private final LexiconSentimentScorer baseline;
    private final SignalsPolicy policy;
    private final SentimentJudge judge;

    SignalStage(Rules rules) {
        this.churn = rules.churn();
        this.baseline = rules.baselineSentiment();
        this.policy = rules.signals();
        this.judge = rules.judge();
    }

    /** What one event's customer text said; {@link #NONE} for events without customer text. */
    record Reading(List<ChurnFinding> findings, int textLength) {
        static final Reading NONE = new Reading(List.of(), 0);

        boolean hasText() {
            return textLength > 0;
        }
    }

    Reading read(TicketState s, TicketEvent e) {
        if (e == null || (e.getType() != TicketEventType.CREATED && e.getType() != TicketEventType.CUSTOMER_MESSAGE)) {
            return Reading.NONE;
        }
        String text = customerText(e);
        if (text.isBlank()) {
            return Reading.NONE;
        }
        List<ChurnFinding> findings = ChurnFinding.of(churn.detect(text));
        s.foundChurn(findings);
        if (s.baselineSentimentAt == null || !e.getOccurredAt().isBefore(s.baselineSentimentAt)) {
            // the affect: words that only say what broke count little (a bug report is not an angry customer)
            s.baselineSentiment = baseline.score(text).affect();
            s.baselineSentimentAt = e.getOccurredAt();
        }
        return new Reading(findings, text.length());
    }

    private static String customerText(TicketEvent e) {
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
