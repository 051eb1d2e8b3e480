package io.viplane.routing.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.viplane.model.AgentLevel;
import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import io.viplane.policy.Entitlement;
import io.viplane.policy.MatrixCell;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyException;
import io.viplane.policy.PolicyLoader;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code agents:} section of a policy: who may be suggested for a ticket (POLICY.md §2 "Agent
 * load"). Levels are compared in the contract's order L1 < L2 < L3 < TEAM_LEAD < MANAGER < VP.
 *
 * @param assignableLevels levels that take tickets; others (team leads, managers, VPs) are
 *                         escalation targets and are never suggested
 * @param vipShareCap highest share of VIP tickets among an agent's open tickets after taking a VIP ticket
 * @param vipShareMinOpenTickets the cap is checked only once the agent would hold at least this
 *                               many open tickets: with fewer, a share is noise (1 ticket of 1 is 100%)
 * @param continuity prefer the account's previous agent when that agent is eligible
 * @param mostSeniorForExecutiveContacts executive contacts go to the most senior eligible agent
 * @param pools rule per queue name; every queue the entitlements use must have one
 * @param overflow per tier: where a ticket may go when its pool has nobody eligible
 */
public record AgentPolicy(
        Set<AgentLevel> assignableLevels,
        double vipShareCap,
        int vipShareMinOpenTickets,
        boolean continuity,
        boolean mostSeniorForExecutiveContacts,
        Map<String, PoolRule> pools,
        Map<Tier, OverflowRule> overflow) {

    /**
     * @param membersOnly the agent must list the pool in its {@code pools}; false: any agent of the level
     * @param minLevel lowest level of the pool
     * @param minTenureMonths months since {@code hired_on} (null: no tenure rule); an agent
     *                        without {@code hired_on} cannot prove tenure and is not eligible
     */
    public record PoolRule(boolean membersOnly, AgentLevel minLevel, Integer minTenureMonths) {
    }

    /** @param minLevel any available agent of at least this level, whatever their pools */
    public record OverflowRule(AgentLevel minLevel) {
    }

    public PoolRule pool(String name) {
        return pools.get(name);
    }

    public OverflowRule overflowFor(Tier tier) {
        return tier == null ? null : overflow.get(tier);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    // Boxed fields so that a missing key is reported by name instead of silently becoming 0/false.
    private record Raw(List<AgentLevel> assignableLevels, Double vipShareCap, Integer vipShareMinOpenTickets,
                       Boolean continuity, Boolean mostSeniorForExecutiveContacts, Map<String, RawPool> pools,
                       Map<Tier, RawOverflow> overflow) {
    }

    private record RawPool(Boolean membersOnly, AgentLevel minLevel, Integer minTenureMonths) {
    }

    private record RawOverflow(AgentLevel minLevel) {
    }

    /** Binds and validates {@code policy.agents()}; throws {@link PolicyException} naming the path. */
    public static AgentPolicy fromPolicy(Policy policy) {
        String file = policy.name();
        JsonNode node = policy.agents();
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new PolicyException(file, "agents", "is required (assignable_levels, vip_share_cap, "
                    + "vip_share_min_open_tickets, continuity, most_senior_for_executive_contacts, pools, overflow)");
        }
        Raw raw;
        try {
            raw = MAPPER.treeToValue(node, Raw.class);
        } catch (JsonMappingException e) {
            String path = PolicyLoader.jsonPath(e);
            throw new PolicyException(file, "agents" + (path.isEmpty() ? "" : "." + path),
                    PolicyLoader.firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new PolicyException(file, "agents", PolicyLoader.firstLine(e.getOriginalMessage()));
        }
        return validate(raw, policy, file);
    }

    private static AgentPolicy validate(Raw raw, Policy policy, String file) {
        require(raw.assignableLevels() != null && !raw.assignableLevels().isEmpty()
                && !raw.assignableLevels().contains(null), file, "agents.assignable_levels", "must list levels");
        Set<AgentLevel> levels = Collections.unmodifiableSet(EnumSet.copyOf(raw.assignableLevels()));
        AgentLevel highest = levels.stream().max(Enum::compareTo).orElseThrow();
        require(raw.vipShareCap() != null && raw.vipShareCap() > 0 && raw.vipShareCap() <= 1, file,
                "agents.vip_share_cap", "is required, a share in (0, 1] such as 0.4");
        require(raw.vipShareMinOpenTickets() != null && raw.vipShareMinOpenTickets() >= 1, file,
                "agents.vip_share_min_open_tickets", "is required, >= 1");
        require(raw.continuity() != null, file, "agents.continuity", "is required (true or false)");
        require(raw.mostSeniorForExecutiveContacts() != null, file, "agents.most_senior_for_executive_contacts",
                "is required (true or false)");
        require(raw.pools() != null && !raw.pools().isEmpty(), file, "agents.pools", "must define at least one pool");

        Map<String, PoolRule> pools = new LinkedHashMap<>();
        for (Map.Entry<String, RawPool> e : raw.pools().entrySet()) {
            String path = "agents.pools." + e.getKey();
            RawPool p = e.getValue();
            require(p != null, file, path, "is empty");
            require(p.membersOnly() != null, file, path + ".members_only", "is required (true or false)");
            require(p.minLevel() != null, file, path + ".min_level", "is required");
            require(p.minLevel().compareTo(highest) <= 0, file, path + ".min_level",
                    "is above every assignable level, so nobody could ever be suggested");
            require(p.minTenureMonths() == null || p.minTenureMonths() >= 0, file, path + ".min_tenure_months",
                    "must be >= 0");
            pools.put(e.getKey(), new PoolRule(p.membersOnly(), p.minLevel(), p.minTenureMonths()));
        }

        Map<Tier, OverflowRule> overflow = new EnumMap<>(Tier.class);
        if (raw.overflow() != null) {
            for (Map.Entry<Tier, RawOverflow> e : raw.overflow().entrySet()) {
                String path = "agents.overflow." + e.getKey();
                require(e.getValue() != null && e.getValue().minLevel() != null, file, path + ".min_level",
                        "is required");
                require(e.getValue().minLevel().compareTo(highest) <= 0, file, path + ".min_level",
                        "is above every assignable level");
                overflow.put(e.getKey(), new OverflowRule(e.getValue().minLevel()));
            }
        }
        checkEntitlementsAreCovered(policy, pools, highest, file);
        return new AgentPolicy(levels, raw.vipShareCap(), raw.vipShareMinOpenTickets(), raw.continuity(),
                raw.mostSeniorForExecutiveContacts(), Collections.unmodifiableMap(pools),
                Collections.unmodifiableMap(overflow));
    }

    // A queue without a pool rule, or a cell asking for a level nobody has, would silently produce
    // no suggestion for every such ticket; better to refuse the policy at start-up.
    private static void checkEntitlementsAreCovered(Policy policy, Map<String, PoolRule> pools, AgentLevel highest,
                                                    String file) {
        if (policy.entitlements() == null) {
            return;
        }
        for (Tier t : Tier.values()) {
            Entitlement ent = policy.entitlement(t);
            if (ent == null) {
                continue;
            }
            for (PriorityLevel p : PriorityLevel.values()) {
                MatrixCell cell = ent.cell(p);
                String where = "entitlements." + t + (ent.hasCell(p) ? ".by_priority." + p : "");
                require(pools.containsKey(cell.queue()), file, "agents.pools",
                        "has no rule for queue '" + cell.queue() + "' used by " + where);
                require(cell.agentLevel() == null || cell.agentLevel().compareTo(highest) <= 0, file,
                        where + ".agent_level", "is above every level in agents.assignable_levels");
            }
        }
    }

    private static void require(boolean ok, String file, String path, String reason) {
        if (!ok) {
            throw new PolicyException(file, path, reason);
        }
    }
}
