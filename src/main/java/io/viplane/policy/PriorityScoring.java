package io.viplane.policy;

import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import java.util.List;
import java.util.Map;

/**
 * Points that add up to {@code priority_score} (higher = sooner). Each term appears in the
 * routed ticket's reasons, so an agent can see why one ticket outranks another.
 *
 * @param waitingPointsAtMaxWait points a ticket has gained once it waited its tier's max wait
 *                               (linear before that), so that standard tickets cannot starve
 */
public record PriorityScoring(
        Map<PriorityLevel, Double> severity,
        Map<Tier, Double> tier,
        List<RenewalBoost> renewalBoosts,
        double executiveContact,
        double waitingPointsAtMaxWait) {

    public PriorityScoring {
        renewalBoosts = renewalBoosts == null ? List.of() : List.copyOf(renewalBoosts);
    }

    /**
     * @param raiseLevels how many P-levels the routed priority moves up (P3 to P2 is one level)
     */
    public record RenewalBoost(int withinDays, double points, int raiseLevels) {
    }
}
