package io.viplane.risk;

import io.viplane.model.PriorityLevel;
import java.time.Instant;

/**
 * What the account keeps of one ticket. Every field carries its own event time, so events
 * applied out of order still leave the newest fact in place.
 *
 * @param createdAt  creation time; null while only later events have been seen
 * @param level      latest routed priority level
 * @param levelAt    event time of that level
 * @param issueKey   see {@link IssueKeys}; null when unknown
 * @param closedAt   last time it was solved or closed
 * @param reopenedAt last time it was reopened
 */
public record TicketSignals(Instant createdAt, PriorityLevel level, Instant levelAt, String issueKey,
                            Instant closedAt, Instant reopenedAt) {

    static TicketSignals unknown() {
        return new TicketSignals(null, null, null, null, null, null);
    }

    boolean closed() {
        return closedAt != null && (reopenedAt == null || closedAt.isAfter(reopenedAt));
    }

    TicketSignals created(Instant at, PriorityLevel routed, String key) {
        boolean newer = levelAt == null || !at.isBefore(levelAt);
        return new TicketSignals(at, newer ? routed : level, newer ? at : levelAt, key != null ? key : issueKey,
                closedAt, reopenedAt);
    }

    TicketSignals leveled(Instant at, PriorityLevel routed) {
        if (levelAt != null && at.isBefore(levelAt)) {
            return this;
        }
        return new TicketSignals(createdAt, routed, at, issueKey, closedAt, reopenedAt);
    }

    TicketSignals withClosed(Instant at) {
        return closedAt != null && at.isBefore(closedAt) ? this
                : new TicketSignals(createdAt, level, levelAt, issueKey, at, reopenedAt);
    }

    TicketSignals withReopened(Instant at) {
        return reopenedAt != null && at.isBefore(reopenedAt) ? this
                : new TicketSignals(createdAt, level, levelAt, issueKey, closedAt, at);
    }

    /** Newest known time of this ticket, for trimming. */
    Instant lastSeen() {
        Instant t = createdAt;
        for (Instant i : new Instant[] {levelAt, closedAt, reopenedAt}) {
            if (i != null && (t == null || i.isAfter(t))) {
                t = i;
            }
        }
        return t;
    }
}
