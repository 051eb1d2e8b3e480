package io.viplane.routing;

import io.viplane.classification.TierDecision;
import io.viplane.model.Tier;
import io.viplane.model.TicketPriority;
import io.viplane.policy.Policy;
import io.viplane.sla.SlaTime;
import java.time.Instant;
import java.util.List;

/** Test facts for a fresh, unanswered ticket decided at its creation time, counted 24/7. */
public final class Facts {
    public static final Instant CREATED = Instant.parse("2026-03-02T15:00:00Z");

    private Facts() {
    }

    public static TicketFacts fresh(Tier tier, TicketPriority priority, Integer daysToRenewal) {
        return new TicketFacts(new TierDecision(tier, null, List.of("TIER_" + tier + ": test")), priority, false,
                daysToRenewal, CREATED, null, null, false, CREATED);
    }

    public static RoutingDecision decide(Policy policy, TicketFacts facts) {
        return new RoutingDecider(policy).decide(facts, SlaTime.AROUND_THE_CLOCK);
    }
}
