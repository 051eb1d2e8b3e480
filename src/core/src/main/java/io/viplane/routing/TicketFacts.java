package io.viplane.routing;

import io.viplane.classification.TierDecision;
import io.viplane.model.RiskLevel;
import io.viplane.model.TicketPriority;
import java.time.Instant;

/**
 * What the routing rules need to know about one ticket at one moment.
 *
 * @param daysToRenewal null when the account or its renewal date is unknown
 * @param firstResponseAt null until the first public agent reply
 * @param oldestUnansweredAt oldest customer message after the last agent reply (next-reply clock)
 * @param now the decision time (event time of the change, or wall-clock time for timers)
 * @param sentimentScore latest sentiment of the ticket, -1.0 .. 1.0 (null: not scored yet)
 * @param churnRisk the account's churn-risk level (null: unknown)
 * @param frustrated frustration signals in the ticket's language (POLICY.md §3 fairness)
 */
public record TicketFacts(
        TierDecision tier,
        TicketPriority helpDeskPriority,
        boolean executiveContact,
        Integer daysToRenewal,
        Instant createdAt,
        Instant firstResponseAt,
        Instant oldestUnansweredAt,
        boolean closed,
        Instant now,
        Double sentimentScore,
        RiskLevel churnRisk,
        boolean frustrated) {

    /** Facts without signals: no sentiment, unknown churn risk, not frustrated. */
    public TicketFacts(TierDecision tier, TicketPriority helpDeskPriority, boolean executiveContact,
                       Integer daysToRenewal, Instant createdAt, Instant firstResponseAt,
                       Instant oldestUnansweredAt, boolean closed, Instant now) {
        this(tier, helpDeskPriority, executiveContact, daysToRenewal, createdAt, firstResponseAt,
                oldestUnansweredAt, closed, now, null, null, false);
    }

    public TicketFacts withSignals(Double sentimentScore, RiskLevel churnRisk, boolean frustrated) {
        return new TicketFacts(tier, helpDeskPriority, executiveContact, daysToRenewal, createdAt, firstResponseAt,
                oldestUnansweredAt, closed, now, sentimentScore, churnRisk, frustrated);
    }
}
