package io.viplane.escalation;

import io.viplane.model.Tier;
import java.util.List;
import java.util.Set;

/** What every kind has: the tiers it applies to and who is told. */
public record KindRule(Set<Tier> tiers, Recipients to) {
    public KindRule {
        tiers = Set.copyOf(tiers);
    }

    public boolean appliesTo(Tier tier) {
        return tiers.contains(tier);
    }

    public List<Recipient> recipients(Tier tier) {
        return appliesTo(tier) ? to.forTier(tier) : List.of();
    }
}
