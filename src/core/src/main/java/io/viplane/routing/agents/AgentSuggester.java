package io.viplane.routing.agents;

import io.viplane.model.Agent;
import io.viplane.model.AgentLevel;
import io.viplane.model.AgentStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Suggests an agent for a routed ticket (POLICY.md §2 "Agent load"). Pure: the same request,
 * roster and day always give the same suggestion.
 *
 * <ol>
 *   <li>Eligible: status AVAILABLE; level assignable and at least the pool's and the cell's level;
 *       member of the pool when the pool is {@code members_only}; tenure when the pool asks for it;
 *       for a VIP ticket, VIP share after taking it {@code (vip + 1) / (open + 1) <= vip_share_cap}
 *       (checked once {@code open + 1 >= vip_share_min_open_tickets}).</li>
 *   <li>Among the eligible: the account's previous agent if {@code continuity}; else, for an
 *       executive contact when {@code most_senior_for_executive_contacts}, the highest level; then
 *       the lowest load. Ties: fewer open tickets, then fewer open VIP tickets, then the smallest
 *       {@code agent_id}, so a replay suggests the same agent.</li>
 *   <li>Nobody eligible in the pool: the tier's overflow rule (any available agent of its level,
 *       whatever their pools, same load rules); nobody there either: no suggestion.</li>
 * </ol>
 */
public final class AgentSuggester {
    private static final Comparator<Agent> BY_LOAD = Comparator.comparingInt(Agent::getOpenTickets)
            .thenComparingInt(Agent::getOpenVipTickets)
            .thenComparing(Agent::getAgentId);
    private static final Comparator<Agent> MOST_SENIOR_FIRST =
            Comparator.comparing(Agent::getLevel, Comparator.reverseOrder()).thenComparing(BY_LOAD);

    private final AgentPolicy policy;

    public AgentSuggester(AgentPolicy policy) {
        this.policy = policy;
    }

    public Suggestion suggest(SuggestionRequest r, Collection<Agent> agents, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        AgentPolicy.PoolRule pool = policy.pool(r.pool());
        if (pool == null) {
            reasons.add("NO_AGENT_AVAILABLE in " + r.pool() + ": no pool rule for this queue");
            return new Suggestion(null, false, reasons);
        }
        AgentLevel poolLevel = higher(pool.minLevel(), r.requiredLevel());
        Predicate<Agent> inPool = a -> (!pool.membersOnly() || a.getPools().contains(r.pool()))
                && tenured(a, pool.minTenureMonths(), today);
        Agent chosen = choose(r, agents, poolLevel, inPool, r.pool(), reasons);
        if (chosen != null) {
            reasons.add(describe(chosen, r.pool()));
            return new Suggestion(chosen.getAgentId(), false, reasons);
        }

        AgentPolicy.OverflowRule overflow = policy.overflowFor(r.tier());
        if (overflow == null) {
            reasons.add("NO_AGENT_AVAILABLE in " + r.pool());
            return new Suggestion(null, false, reasons);
        }
        AgentLevel overflowLevel = higher(overflow.minLevel(), r.requiredLevel());
        String label = "overflow " + overflowLevel + "+";
        Agent spill = choose(r, agents, overflowLevel, a -> true, label, reasons);
        if (spill == null) {
            reasons.add("NO_AGENT_AVAILABLE in " + r.pool() + " nor " + label);
            return new Suggestion(null, false, reasons);
        }
        reasons.add("OVERFLOW: " + r.pool() + " busy, senior " + spill.getLevel() + " " + spill.getAgentId());
        reasons.add(describe(spill, label));
        return new Suggestion(spill.getAgentId(), true, reasons);
    }

    private Agent choose(SuggestionRequest r, Collection<Agent> agents, AgentLevel minLevel, Predicate<Agent> member,
                         String where, List<String> reasons) {
        List<Agent> candidates = new ArrayList<>();
        int overCap = 0;
        for (Agent a : agents) {
            if (a == null || a.getStatus() != AgentStatus.AVAILABLE || !levelOk(a.getLevel(), minLevel)
                    || !member.test(a)) {
                continue;
            }
            if (r.vip() && !withinVipCap(a)) {
                overCap++;
                continue;
            }
            candidates.add(a);
        }
        if (overCap > 0) {
            reasons.add("VIP_SHARE_CAP: " + overCap + " available agent(s) in " + where + " skipped, VIP share would"
                    + " exceed " + percent(policy.vipShareCap()));
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (policy.continuity() && r.previousAgentId() != null) {
            for (Agent a : candidates) {
                if (a.getAgentId().equals(r.previousAgentId())) {
                    reasons.add("CONTINUITY: previous agent " + a.getAgentId());
                    return a;
                }
            }
        }
        if (policy.mostSeniorForExecutiveContacts() && r.executiveContact()) {
            Agent a = candidates.stream().min(MOST_SENIOR_FIRST).orElseThrow();
            reasons.add("MOST_SENIOR: executive contact, " + a.getLevel() + " " + a.getAgentId());
            return a;
        }
        return candidates.stream().min(BY_LOAD).orElseThrow();
    }

    private boolean levelOk(AgentLevel level, AgentLevel minLevel) {
        return level != null && policy.assignableLevels().contains(level)
                && (minLevel == null || level.compareTo(minLevel) >= 0);
    }

    /** The share after taking the ticket; a tiny epsilon so that exactly the cap (2 of 5 = 40%) passes. */
    boolean withinVipCap(Agent a) {
        int open = a.getOpenTickets() + 1;
        if (open < policy.vipShareMinOpenTickets()) {
            return true;
        }
        return a.getOpenVipTickets() + 1 <= policy.vipShareCap() * open + 1e-9;
    }

    static boolean tenured(Agent a, Integer minTenureMonths, LocalDate today) {
        if (minTenureMonths == null || minTenureMonths == 0) {
            return true;
        }
        return a.getHiredOn() != null && !a.getHiredOn().plusMonths(minTenureMonths).isAfter(today);
    }

    private static AgentLevel higher(AgentLevel a, AgentLevel b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static String describe(Agent a, String where) {
        double share = a.getOpenTickets() == 0 ? 0 : (double) a.getOpenVipTickets() / a.getOpenTickets();
        return "AGENT " + a.getAgentId() + ": " + where + ", " + a.getLevel() + ", " + a.getOpenTickets()
                + " open, VIP share " + percent(share);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
