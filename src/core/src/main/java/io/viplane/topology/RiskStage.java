package io.viplane.topology;

import io.viplane.model.Account;
import io.viplane.model.AtRiskAccount;
import io.viplane.model.RiskLevel;
import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import io.viplane.model.TicketEventType;
import io.viplane.risk.AccountSignals;
import io.viplane.risk.IssueKeys;
import io.viplane.risk.RiskAssessment;
import io.viplane.risk.RiskLevelTracker;
import io.viplane.risk.RiskPolicy;
import io.viplane.risk.RiskScorer;
import io.viplane.risk.SentimentSource;
import io.viplane.risk.SignalsPolicy;
import io.viplane.routing.TicketState;
import java.time.Instant;
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

    RiskStage(Rules rules, AccountPartitionStores stores) {
        this.signals = rules.signals();
        this.risk = rules.risk();
        this.scorer = rules.scorer();
        this.stores = stores;
    }

    RiskLevel level(String accountId) {
        RiskLevelTracker t = accountId == null ? null : stores.risk.get(accountId);
        return t == null ? null : t.level;
    }

    Optional<AtRiskAccount> onTicket(TicketState s, TicketEvent e, SignalStage.Reading reading, boolean wasClosed,
                                     Routing r, Instant now) {
        if (s.accountId == null || e == null || !changesSignals(e, wasClosed != s.isClosed())) {
            return Optional.empty();
        }
        AccountSignals a = signalsOf(s.accountId);
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
        if (reading.hasText()) {
            a.customerMessage(signals, e.getEventId(), at, reading.textLength(), reading.findings());
            if (s.baselineSentiment != null && at.equals(s.baselineSentimentAt)) {
                a.sentimentScored(signals, e.getEventId(), at, s.baselineSentiment, SentimentSource.BASELINE);
            }
        }
        a.unresolvedTickets(stores.stats(s.accountId).open);
        return rescore(s.accountId, a, r.account(), r.daysToRenewal(), now);
    }

    /** Replies, notes, assignments and the like say nothing about the account's risk: skip the windows. */
    private static boolean changesSignals(TicketEvent e, boolean openClosedChanged) {
        return openClosedChanged || e.getType() == TicketEventType.CREATED
                || e.getType() == TicketEventType.CUSTOMER_MESSAGE || e.getType() == TicketEventType.PRIORITY_CHANGED;
    }

    Optional<AtRiskAccount> onSentiment(String accountId, SentimentEvent e, Account account, Integer daysToRenewal,
                                        Instant now) {
        if (accountId == null) {
            return Optional.empty();
        }
        AccountSignals a = signalsOf(accountId);
        String key = e.getSourceEventId() != null ? e.getSourceEventId() : e.getEventId();
        a.sentimentScored(signals, key, e.getOccurredAt(), e.getScore(), SentimentSource.EXTERNAL);
        return rescore(accountId, a, account, daysToRenewal, now);
    }

    /** The CRM changed (health, usage, NPS, renewal): the score may move without any ticket. */
    Optional<AtRiskAccount> onAccount(String accountId, Account account, Integer daysToRenewal, Instant now) {
        AccountSignals a = stores.signals.get(accountId);
        if (a == null && account == null) {
            return Optional.empty();
        }
        RiskAssessment assessment = scorer.assess(account, a == null ? new AccountSignals() : a, daysToRenewal, now);
        return publishIfChanged(accountId, assessment, account);
    }

    private Optional<AtRiskAccount> rescore(String accountId, AccountSignals a, Account account,
                                            Integer daysToRenewal, Instant now) {
        stores.signals.put(accountId, a);
        return publishIfChanged(accountId, scorer.assess(account, a, daysToRenewal, now), account);
    }

    private Optional<AtRiskAccount> publishIfChanged(String accountId, RiskAssessment assessment, Account account) {
        RiskLevelTracker tracker = stores.risk.get(accountId);
        tracker = tracker == null ? new RiskLevelTracker() : tracker;
        RiskLevel before = tracker.level;
        Optional<RiskAssessment> changed = tracker.update(assessment, risk);
        if (tracker.level != before) {
            stores.risk.put(accountId, tracker);
        }
        return changed.map(a -> RiskLevelTracker.toRecord(accountId, a, account));
    }

    private AccountSignals signalsOf(String accountId) {
        AccountSignals a = stores.signals.get(accountId);
        return a == null ? new AccountSignals() : a;
    }
}
