package io.viplane.routing;

import io.viplane.model.AgentLevel;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import java.time.Instant;
import java.util.List;

/**
 * The routing outcome for a ticket; see {@link RoutingDecider}. Its targets, not due instants: those come
 * from the SLA clocks alone (business hours, pauses), so the routed ticket shows what the clock enforces.
 *
 * @param agentLevel lowest agent level the matrix cell asks for (null: any the pool allows)
 * @param notifyTargets who must be told now (e.g. CSM for a VIP P1/P2), in enum order, no duplicates
 * @param temporaryVipHandling the fairness rule raised this non-VIP ticket (POLICY.md §3)
 */
public record RoutingDecision(
        Tier tier,
        PriorityLevel priority,
        double priorityScore,
        String queue,
        int firstResponseTargetMinutes,
        List<String> reasons,
        AgentLevel agentLevel,
        List<EscalationTarget> notifyTargets,
        boolean temporaryVipHandling) {

    public RoutingDecision {
        reasons = List.copyOf(reasons);
        notifyTargets = notifyTargets == null ? List.of() : List.copyOf(notifyTargets);
    }

    /** A decision without matrix extras (no agent level, nobody notified). */
    public RoutingDecision(Tier tier, PriorityLevel priority, double priorityScore, String queue,
                           int firstResponseTargetMinutes, List<String> reasons) {
        this(tier, priority, priorityScore, queue, firstResponseTargetMinutes,
                reasons, null, List.of(), false);
    }
}
