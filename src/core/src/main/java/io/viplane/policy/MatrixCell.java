package io.viplane.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.viplane.model.AgentLevel;
import io.viplane.model.EscalationTarget;
import java.util.List;

/**
 * One cell of the escalation matrix (tier x priority). In the YAML ({@code entitlements.TIER.by_priority.P2})
 * every field is optional and overrides the tier's own value; {@link Entitlement#cell} returns the
 * resolved cell, where every field is set.
 *
 * @param queue pool the ticket is routed to
 * @param agentLevel lowest agent level that may be suggested (levels ordered L1 < L2 < L3 < TEAM_LEAD ...)
 * @param notifyTargets YAML {@code notify}: who is told as soon as the ticket is routed (e.g. CSM for a VIP P1/P2)
 * @param firstResponseMinutes first-response target before any dynamic-SLA override
 */
public record MatrixCell(String queue, AgentLevel agentLevel, @JsonProperty("notify") List<EscalationTarget> notifyTargets,
                         Integer firstResponseMinutes) {
    public MatrixCell {
        notifyTargets = notifyTargets == null ? null : List.copyOf(notifyTargets);
    }
}
