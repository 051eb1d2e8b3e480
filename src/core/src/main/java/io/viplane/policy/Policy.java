package io.viplane.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import io.viplane.model.TicketPriority;
import java.util.List;
import java.util.Map;

/**
 * Everything a support organisation can change without a rebuild. Bound from a YAML file in
 * {@code topology/policies/}; see {@link PolicyLoader} for validation.
 *
 * <p>The sections {@code sla}, {@code signals}, {@code risk}, {@code escalation} and {@code agents}
 * are kept as trees here and bound by the package that owns them (each has its own
 * {@code fromPolicy} and validation), so one record does not grow with every capability.
 * {@code document} is the policy as a governed document (version, effective date, approval, review
 * cycle, revisions: seed 004); optional, validated when present.
 */
public record Policy(
        String name,
        String description,
        String source,
        Defaults defaults,
        List<TierRule> tiers,
        Map<Tier, Entitlement> entitlements,
        Map<TicketPriority, PriorityLevel> priorityMap,
        PriorityScoring priorityScore,
        List<SlaOverride> slaOverrides,
        Map<String, JsonNode> calendars,
        JsonNode sla,
        JsonNode signals,
        JsonNode risk,
        JsonNode escalation,
        JsonNode agents,
        PolicyDocument document) {

    public Policy {
        slaOverrides = slaOverrides == null ? List.of() : List.copyOf(slaOverrides);
        calendars = calendars == null ? Map.of() : Map.copyOf(calendars);
    }

    public Entitlement entitlement(Tier tier) {
        return entitlements.get(tier);
    }

    public PriorityLevel priorityOf(TicketPriority helpDeskPriority) {
        return priorityMap.get(helpDeskPriority == null ? TicketPriority.NORMAL : helpDeskPriority);
    }
}
