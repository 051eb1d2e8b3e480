package io.viplane.policy;

import io.viplane.model.Tier;
import java.util.List;

/** Dynamic SLA: a tighter first-response target for tiers renewing soon (POLICY.md §3). */
public record SlaOverride(String name, List<Tier> tiers, Integer renewalWithinDays, int firstResponseMinutes) {
    public SlaOverride {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }
}
