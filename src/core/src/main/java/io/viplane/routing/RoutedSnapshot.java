package io.viplane.routing;

import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import java.time.Instant;

/**
 * The parts of a routing decision whose change is news for the help desk (CONTRACT.md:
 * tier, priority, queue, targets). The score alone moving does not re-emit.
 */
public record RoutedSnapshot(Tier tier, PriorityLevel priority, String queue, Instant firstResponseDue,
                             Instant nextReplyDue, String suggestedAgentId, String accountId) {
}
