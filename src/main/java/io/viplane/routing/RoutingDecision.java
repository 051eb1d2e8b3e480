package io.viplane.routing;

import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import java.time.Instant;
import java.util.List;

/** The routing outcome for a ticket; see {@link RoutingDecider}. */
public record RoutingDecision(
        Tier tier,
        PriorityLevel priority,
        double priorityScore,
        String queue,
        Instant firstResponseDue,
        Instant nextReplyDue,
        int firstResponseTargetMinutes,
        List<String> reasons) {

    public RoutingDecision {
        reasons = List.copyOf(reasons);
    }
}
