package io.viplane.escalation;

import io.viplane.model.Tier;
import java.util.List;
import java.util.Map;

/**
 * The {@code to:} of a kind: either the tier's escalation ladder (resolved per tier from the
 * entitlements, so a tier change moves the escalation to the new rung) or a fixed list.
 */
public record Recipients(boolean ladder, List<Recipient> fixed, Map<Tier, Recipient> ladders) {
    public Recipients {
        fixed = fixed == null ? List.of() : List.copyOf(fixed);
        ladders = ladders == null ? Map.of() : Map.copyOf(ladders);
    }

    static Recipients ladder(Map<Tier, Recipient> ladders) {
        return new Recipients(true, List.of(), ladders);
    }

    static Recipients fixed(List<Recipient> list) {
        return new Recipients(false, list, Map.of());
    }

    public List<Recipient> forTier(Tier tier) {
        if (!ladder) {
            return fixed;
        }
        Recipient r = ladders.get(tier);
        return r == null ? List.of() : List.of(r);
    }

    /** How many recipients a tier gets (SLA kinds need exactly one). */
    int size() {
        return ladder ? 1 : fixed.size();
    }
}
