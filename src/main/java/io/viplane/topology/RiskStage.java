package io.viplane.topology;

import io.viplane.model.Account;
import io.viplane.model.AtRiskAccount;
import io.viplane.model.RiskLevel;
import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import io.viplane.model.TicketEventType;
import io.viplane.policy.Policy;
import io.viplane.risk.AccountSignals;
import io.viplane.risk.ChurnFinding;
import io.viplane.risk.IssueKeys;
import io.viplane.risk.RiskAssessment;
import io.viplane.risk.RiskLevelTracker;
import io.viplane.risk.RiskPolicy;
import io.viplane.risk.RiskScorer;
import io.viplane.risk.SentimentSource;
import io.viplane.risk.SignalsPolicy;
import io.viplane.routing.TicketState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Folds ticket and sentiment changes into the account's signal windows, re-scores the account and
 * returns an {@code accounts.at-risk} record only when its level changes (the tracker's hysteresis
 * keeps a score that hovers around a threshold from flapping).
 */
final class RiskStage {
    private final SignalsPolicy signals;
    private final RiskPolicy risk;
    private final RiskScorer scorer;
    private final AccountPartitionStores stores;

    RiskStage(Policy policy, SignalsPolicy signals, AccountPartitionStores stores) {
        this.signals = signals;
        this.risk = RiskPolicy.fromPolicy(policy);
        this.scorer = new RiskScorer(signals, risk);
        this.stores = stores;
    }

    RiskLevel level(String accountId) {
        AccountRisk r = accountId == null ? null : stores.risk.get(accountId);
        return r == null ? null : r.tracker.level;
    }

    Optional<AtRiskAccount> onTicket(TicketState s, TicketEvent e, List<ChurnFinding> findings, boolean wasClosed,
                                     Routing r, Instant now) {
        if (s.accountId == null || e == null) {
            return Optional.empty();
        }
        AccountRisk state = load(s.accountId);
        AccountSignals a = state.signals;
        Instant at = e.getOccurredAt();
        if (e.getType() == TicketEventType.CREATED) {
            a.ticketCreated(signals, s.ticketId, at, r.decision().priority(), IssueKeys.of(e.getSubject(), e.getTags()));
        } else if (e.getType() == TicketEventType.PRIORITY_CHANGED) {
            a.ticketLevelChanged(signals, s.ticketId, at, r.decision().priority());
        }
        if (!wasClosed && s.isClosed()) {
            a.ticketClosed(signals, s.ticketId, at);
        } else if (wasClosed && !s.isClosed()) {
            a.ticketReopened(signals, s.ticketId, at);
        }
        String text = SignalStage.customerText(e);
        if (!text.isBlank() && (e.getType() == TicketEventType.CREATED || e.getType() == TicketEventType.CUSTOMER_MESSAGE)) {
            a.customerMessage(signals, e.getEventId(), at, text.length(), findings);
            if (s.baselineSentiment != null && at.equals(s.baselineSentimentAt)) {
                a.sentimentScored(signals, e.getEventId(), at, s.baselineSentiment, SentimentSource.BASELINE);
            }
        }
        a.unresolvedTickets(stores.stats(s.accountId).open);
        return rescore(s.accountId, state, r.account(), r.daysToRenewal(), now);
    }

    Optional<AtRiskAccount> onSentiment(String accountId, SentimentEvent e, Account account, Integer daysToRenewal,
                                        Instant now) {
        if (accountId == null) {
            return Optional.empty();
        }
        AccountRisk state = load(accountId);
        String key = e.getSourceEventId() != null ? e.getSourceEventId() : e.getEventId();
        state.signals.sentimentScored(signals, key, e.getOccurredAt(), e.getScore(), SentimentSource.EXTERNAL);
        return rescore(accountId, state, account, daysToRenewal, now);
    }

    /** The CRM changed (health, usage, NPS, renewal): the score may move without any ticket. */
    Optional<AtRiskAccount> onAccount(String accountId, Account account, Integer daysToRenewal, Instant now) {
        AccountRisk state = stores.risk.get(accountId);
        if (state == null && account == null) {
            return Optional.empty();
        }
        return rescore(accountId, state == null ? new AccountRisk() : state, account, daysToRenewal, now);
    }

    private Optional<AtRiskAccount> rescore(String accountId, AccountRisk state, Account account,
                                            Integer daysToRenewal, Instant now) {
        RiskAssessment assessment = scorer.assess(account, state.signals, daysToRenewal, now);
        Optional<RiskAssessment> changed = state.tracker.update(assessment, risk);
        stores.risk.put(accountId, state);
        return changed.map(a -> RiskLevelTracker.toRecord(accountId, a, account));
    }

    private AccountRisk load(String accountId) {
        AccountRisk r = stores.risk.get(accountId);
        return r == null ? new AccountRisk() : r;
    }
}
