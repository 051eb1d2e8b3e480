package io.viplane.sla.clock;

import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the SLA clocks need to know about one ticket: facts only, no Kafka types. Lists are
 * sorted here, so callers may pass them in any order; {@link SlaFacts} builds this view from ticket
 * events and keeps each list within {@link SlaFacts#MAX_ENTRIES}.
 *
 * <p>Solve and reopen instants are not separate fields: they are the status changes into and out
 * of the policy's resolved statuses, so a late status event puts them in the right place.
 *
 * @param tier the ticket's current tier (a change moves the targets: dynamic SLA)
 * @param priority the ticket's current priority level (P1..P4)
 * @param createdAt ticket creation (the FIRST_RESPONSE and ASSIGNMENT clocks start here)
 * @param firstResponseTargetMinutes the first-response target after dynamic-SLA overrides, as
 *     decided by the routing rules (e.g. 10 min for a VIP account near renewal)
 * @param firstAgentReplyAt the first public agent reply, or null; kept apart from
 *     {@code agentReplies} because that list is bounded and may have lost it
 * @param agentReplies recent public agent replies (meet NEXT_REPLY, RESOLUTION_SUMMARY, FOLLOW_UP)
 * @param customerMessages recent customer messages (each unanswered run of them starts a NEXT_REPLY
 *     cycle at its oldest message; the messages that follow do not move it)
 * @param firstAssignedAt the first assignment to an agent, or null
 * @param statusChanges recent status changes (pauses, stops, solves, reopens); before the first
 *     one the ticket counts as open
 */
public record SlaTicket(
        Tier tier,
        PriorityLevel priority,
        Instant createdAt,
        int firstResponseTargetMinutes,
        Instant firstAgentReplyAt,
        List<Instant> agentReplies,
        List<Instant> customerMessages,
        Instant firstAssignedAt,
        List<StatusChange> statusChanges) {

    public SlaTicket {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(createdAt, "createdAt");
        agentReplies = sorted(agentReplies, Comparator.naturalOrder());
        customerMessages = sorted(customerMessages, Comparator.naturalOrder());
        statusChanges = sorted(statusChanges, Comparator.comparing(StatusChange::at));
    }

    private static <T> List<T> sorted(List<T> in, Comparator<? super T> order) {
        List<T> out = new ArrayList<>(in == null ? List.of() : in);
        out.removeIf(Objects::isNull);
        out.sort(order); // stable: status changes at the same instant keep the caller's order
        return List.copyOf(out);
    }
}
