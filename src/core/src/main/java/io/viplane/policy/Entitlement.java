package io.viplane.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.viplane.model.AgentLevel;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a tier is entitled to. The tier's own queue, agent level, notify targets and first response
 * apply to every priority unless {@code byPriority} has a cell for it: that is the escalation
 * matrix (seed 002: "For each customer tier x priority level, define response SLA, agent tier,
 * and notification rules").
 *
 * @param calendar {@code always} (24/7) or {@code account} (the account's business-hours calendar)
 * @param maxWaitMinutes longest a requester should wait; waiting tickets gain priority towards it
 * @param assignmentMinutes the ticket must be assigned within this, or it is escalated as UNASSIGNED
 * @param agentLevel lowest agent level for this tier (null: any level the pool allows)
 * @param notifyTargets YAML {@code notify}: targets told when a ticket of this tier is routed (null: nobody)
 * @param byPriority matrix cells overriding the above per priority level (null: none)
 */
public record Entitlement(
        int firstResponseMinutes,
        int nextReplyMinutes,
        int maxWaitMinutes,
        String calendar,
        String queue,
        Integer assignmentMinutes,
        Ladder ladder,
        AgentLevel agentLevel,
        @JsonProperty("notify") List<EscalationTarget> notifyTargets,
        Map<PriorityLevel, MatrixCell> byPriority) {

    @JsonCreator
    public Entitlement {
        notifyTargets = notifyTargets == null ? List.of() : List.copyOf(notifyTargets);
        // EnumMap: cells in P1..P4 order; unmodifiable rather than Map.copyOf so that a null cell
        // reaches the validator, which names its path, instead of failing inside Jackson.
        byPriority = byPriority == null || byPriority.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(byPriority));
    }

    /** The entitlement as it was before the matrix: the same for every priority. */
    public Entitlement(int firstResponseMinutes, int nextReplyMinutes, int maxWaitMinutes, String calendar,
                       String queue, Integer assignmentMinutes, Ladder ladder) {
        this(firstResponseMinutes, nextReplyMinutes, maxWaitMinutes, calendar, queue, assignmentMinutes, ladder,
                null, null, null);
    }

    public boolean runsAroundTheClock() {
        return "always".equals(calendar);
    }

    /** The resolved matrix cell for a priority: the cell's values where given, else the tier's. */
    public MatrixCell cell(PriorityLevel priority) {
        MatrixCell c = priority == null ? null : byPriority.get(priority);
        if (c == null) {
            return new MatrixCell(queue, agentLevel, notifyTargets, firstResponseMinutes);
        }
        return new MatrixCell(
                c.queue() != null ? c.queue() : queue,
                c.agentLevel() != null ? c.agentLevel() : agentLevel,
                c.notifyTargets() != null ? c.notifyTargets() : notifyTargets,
                c.firstResponseMinutes() != null ? c.firstResponseMinutes() : firstResponseMinutes);
    }

    /** True when the priority has its own cell (for reasons: "T1 P2 cell" rather than "T1 pool"). */
    public boolean hasCell(PriorityLevel priority) {
        return priority != null && byPriority.containsKey(priority);
    }
}
