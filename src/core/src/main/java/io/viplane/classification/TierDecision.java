package io.viplane.classification;

import io.viplane.model.Badge;
import io.viplane.model.Tier;
import java.util.List;

/** The tier a ticket gets, with every criterion that earned it (for {@code reasons}). */
public record TierDecision(Tier tier, Badge badge, List<String> reasons) {
    public TierDecision {
        reasons = List.copyOf(reasons);
    }

    public boolean isVip() {
        return tier != Tier.STANDARD;
    }
}
