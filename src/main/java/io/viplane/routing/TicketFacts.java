package io.viplane.routing;

import io.viplane.classification.TierDecision;
import io.viplane.model.TicketPriority;
import java.time.Instant;

/**
 * What the routing rules need to know about one ticket at one moment.
 *
 * @param daysToRenewal null when the account or its renewal date is unknown
 * @param firstResponseAt null until the first public agent reply
 * @param oldestUnansweredAt oldest customer message after the last agent reply (next-reply clock)
 * @param now the decision time (event time of the change, or wall-clock time for timers)
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
        Instant now) {
}
