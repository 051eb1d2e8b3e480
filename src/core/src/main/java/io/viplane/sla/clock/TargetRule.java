package io.viplane.sla.clock;

import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import java.util.Map;
import java.util.Set;

/**
 * One candidate target of a metric: applies to tickets of the listed tiers and priorities.
 *
 * @param minutesByTier fixed minutes per tier (from the section or the tier's entitlement);
 *     empty when {@code fromTicket} is set
 * @param fromTicket the target is {@link SlaTicket#firstResponseTargetMinutes()}, i.e. the
 *     entitlement after the dynamic-SLA overrides the routing rules applied
 */
public record TargetRule(Set<Tier> tiers, Set<PriorityLevel> priorities, Map<Tier, Integer> minutesByTier,
                         boolean fromTicket) {

    public TargetRule {
        tiers = Set.copyOf(tiers);
        priorities = Set.copyOf(priorities);
        minutesByTier = Map.copyOf(minutesByTier);
    }

    Integer minutesFor(SlaTicket t) {
        if (!tiers.contains(t.tier()) || !priorities.contains(t.priority())) {
            return null;
        }
        return fromTicket ? Integer.valueOf(t.firstResponseTargetMinutes()) : minutesByTier.get(t.tier());
    }
}
