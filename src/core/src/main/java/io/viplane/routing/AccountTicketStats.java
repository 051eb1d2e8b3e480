package io.viplane.routing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TreeMap;

/**
 * Ticket counts of one account for {@code account_context}: open tickets, and tickets created
 * per UTC day, so the recent count costs one entry a day rather than one a ticket.
 */
public final class AccountTicketStats {
    public int open;
    /** Agent of the account's latest assignment: the continuity preference for its next ticket. */
    public String lastAgentId;
    public java.time.Instant lastAgentAt;
    public TreeMap<Long, Integer> createdPerDay = new TreeMap<>();

    public void created(Instant at, int windowDays) {
        long day = at.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        createdPerDay.merge(day, 1, Integer::sum);
        trim(at, windowDays);
    }

    public void assigned(String agentId, java.time.Instant at) {
        if (agentId != null && (lastAgentAt == null || !at.isBefore(lastAgentAt))) {
            lastAgentId = agentId;
            lastAgentAt = at;
        }
    }

    public int recent(Instant now, int windowDays) {
        long today = now.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        return createdPerDay.subMap(today - windowDays + 1, true, today, true)
                .values().stream().mapToInt(Integer::intValue).sum();
    }

    private void trim(Instant now, int windowDays) {
        long today = now.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        createdPerDay.headMap(today - windowDays + 1).clear();
    }
}
