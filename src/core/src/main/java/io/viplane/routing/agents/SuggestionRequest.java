package io.viplane.routing.agents;

import io.viplane.model.AgentLevel;
import io.viplane.model.Tier;
import io.viplane.routing.RoutingDecision;

/**
 * What the suggester needs to know about one routed ticket.
 *
 * @param pool the routed queue (a pool under {@code agents.pools})
 * @param requiredLevel lowest level the matrix cell asks for (null: whatever the pool allows)
 * @param vip the ticket counts towards an agent's VIP share
 * @param previousAgentId agent who last worked for this account (null: none known)
 * @param executiveContact the requester is an executive (some policies want the most senior agent)
 */
public record SuggestionRequest(Tier tier, String pool, AgentLevel requiredLevel, boolean vip,
                                String previousAgentId, boolean executiveContact) {

    /** The request for a routing decision: VIP means a VIP tier (T1-T3). */
    public static SuggestionRequest of(RoutingDecision d, String previousAgentId, boolean executiveContact) {
        return new SuggestionRequest(d.tier(), d.queue(), d.agentLevel(), d.tier() != Tier.STANDARD,
                previousAgentId, executiveContact);
    }
}
