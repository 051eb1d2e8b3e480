package io.viplane.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.viplane.model.PriorityLevel;
import io.viplane.model.RiskLevel;
import io.viplane.model.Tier;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Points that add up to {@code priority_score} (higher = sooner). Each term appears in the
 * routed ticket's reasons, so an agent can see why one ticket outranks another.
 *
 * @param waitingPointsAtMaxWait points a ticket has gained once it waited its tier's max wait
 *                               (linear before that), so that standard tickets cannot starve
 * @param negativeSentimentPoints points at sentiment -1.0, linear from 0 (null or 0: no term);
 *                                a positive or neutral sentiment adds nothing
 * @param churnRisk points per churn-risk level of the account (null: no term)
 * @param fairness temporary VIP handling for frustrated customers of the listed tiers (null: off)
 */
public record PriorityScoring(
        Map<PriorityLevel, Double> severity,
        Map<Tier, Double> tier,
        List<RenewalBoost> renewalBoosts,
        double executiveContact,
        double waitingPointsAtMaxWait,
        Double negativeSentimentPoints,
        Map<RiskLevel, Double> churnRisk,
        Fairness fairness) {

    @JsonCreator
    public PriorityScoring {
        renewalBoosts = renewalBoosts == null ? List.of() : List.copyOf(renewalBoosts);
        churnRisk = churnRisk == null || churnRisk.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(churnRisk));
    }

    /** The scoring as it was before sentiment, churn risk and fairness terms. */
    public PriorityScoring(Map<PriorityLevel, Double> severity, Map<Tier, Double> tier,
                           List<RenewalBoost> renewalBoosts, double executiveContact, double waitingPointsAtMaxWait) {
        this(severity, tier, renewalBoosts, executiveContact, waitingPointsAtMaxWait, null, null, null);
    }

    /**
     * @param raiseLevels how many P-levels the routed priority moves up (P3 to P2 is one level)
     */
    public record RenewalBoost(int withinDays, double points, int raiseLevels) {
    }

    /**
     * POLICY.md §3: a frustrated customer of a non-VIP tier gets temporary VIP handling, so that
     * urgency, not only account value, drives priority.
     *
     * @param tiers tiers the rule protects (normally STANDARD)
     * @param sentimentAtOrBelow a sentiment score at or below this counts as extremely negative (null: not used)
     * @param whenFrustrated whether frustration signals in the ticket's language trigger the rule
     * @param raiseLevels P-levels the priority moves up
     * @param points added to priority_score
     */
    public record Fairness(List<Tier> tiers, Double sentimentAtOrBelow, Boolean whenFrustrated,
                           Integer raiseLevels, Double points) {
        public Fairness {
            tiers = tiers == null ? List.of() : List.copyOf(tiers);
        }
    }
}
