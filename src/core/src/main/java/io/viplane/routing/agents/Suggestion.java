package io.viplane.routing.agents;

import java.util.List;

/**
 * A suggested agent, or none. The help desk still assigns; this is advice with its reasons.
 *
 * @param agentId null when nobody eligible is available (the assignment timer then escalates UNASSIGNED)
 * @param overflow the agent comes from the tier's overflow rule, not from the ticket's pool
 */
public record Suggestion(String agentId, boolean overflow, List<String> reasons) {
    public Suggestion {
        reasons = List.copyOf(reasons);
    }

    public boolean found() {
        return agentId != null;
    }
}
