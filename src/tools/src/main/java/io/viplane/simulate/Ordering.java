package io.viplane.simulate;

import io.viplane.model.AgentLevel;
import io.viplane.model.Tier;
import io.viplane.routing.agents.AgentPolicy;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * How a free agent chooses the next ticket.
 *
 * <p>{@link #VIPLANE}: the queues viplane routed the tickets to. First the agent's own pools (and a tier's
 * overflow, when the policy admits the agent's level: a ticket that still waits has a busy pool), then any
 * other queue whose pool rules (level, tenure) the agent meets; within each, the highest
 * {@code priority_score} as the routed ticket carries it, then the oldest. A VIP ticket with nobody free
 * interrupts non-VIP work (seed 000's preemptive routing).
 *
 * <p>The baselines ignore pools and never interrupt: {@link #FIFO} takes the oldest ticket, {@link #VIP_FIRST}
 * the oldest of the highest tier waiting.
 */
enum Ordering {
    VIPLANE("viplane"), FIFO("fifo"), VIP_FIRST("vip-first");

    /** A ticket waiting for an agent, with what viplane last said about it (null until it is routed). */
    static final class Waiting {
        final String ticketId;
        final Instant createdAt;
        Tier tier;
        String queue;
        double score;

        Waiting(String ticketId, Instant createdAt) {
            this.ticketId = ticketId;
            this.createdAt = createdAt;
        }
    }

    private static final Comparator<Waiting> OLDEST = Comparator.comparing((Waiting w) -> w.createdAt)
            .thenComparing(w -> w.ticketId);
    static final Comparator<Waiting> BY_SCORE = Comparator.comparingDouble((Waiting w) -> -w.score).thenComparing(OLDEST);

    final String label;

    Ordering(String label) {
        this.label = label;
    }

    boolean interrupts() {
        return this == VIPLANE;
    }

    Optional<Waiting> pick(Roster.Member agent, Collection<Waiting> waiting, AgentPolicy agents) {
        return switch (this) {
            case FIFO -> waiting.stream().min(OLDEST);
            case VIP_FIRST -> waiting.stream().min(Comparator.comparing((Waiting w) -> w.tier == null ? Tier.STANDARD : w.tier)
                    .thenComparing(OLDEST));
            case VIPLANE -> {
                Optional<Waiting> own = waiting.stream().filter(w -> ownQueue(agent, w, agents)).min(BY_SCORE);
                yield own.isPresent() ? own : waiting.stream().filter(w -> mayHelp(agent, w, agents)).min(BY_SCORE);
            }
        };
    }

    /**
     * The ticket's queue is one of the agent's pools, or a pool open to anyone of its level and tenure
     * ({@code members_only: false}), or its tier's overflow admits the agent's level.
     */
    boolean ownQueue(Roster.Member agent, Waiting w, AgentPolicy agents) {
        if (w.queue == null) {
            return false;
        }
        if (agent.group().pools().contains(w.queue)) {
            return true;
        }
        AgentPolicy.PoolRule rule = agents.pool(w.queue);
        if (rule != null && !rule.membersOnly() && meets(agent, rule)) {
            return true;
        }
        AgentPolicy.OverflowRule overflow = agents.overflowFor(w.tier);
        return overflow != null && overflow.minLevel() != null && atLeast(agent.group().level(), overflow.minLevel());
    }

    /** Another pool's ticket the agent may take when their own queues are empty: its level and tenure rules hold. */
    private static boolean mayHelp(Roster.Member agent, Waiting w, AgentPolicy agents) {
        AgentPolicy.PoolRule rule = w.queue == null ? null : agents.pool(w.queue);
        return rule != null && meets(agent, rule);
    }

    private static boolean meets(Roster.Member agent, AgentPolicy.PoolRule rule) {
        boolean level = rule.minLevel() == null || atLeast(agent.group().level(), rule.minLevel());
        boolean tenure = rule.minTenureMonths() == null || agent.group().tenureMonths() >= rule.minTenureMonths();
        return level && tenure;
    }

    private static boolean atLeast(AgentLevel level, AgentLevel min) {
        return level.ordinal() >= min.ordinal(); // the contract's order: L1 < L2 < L3 < TEAM_LEAD < MANAGER < VP
    }

    static Ordering of(String label) {
        for (Ordering o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        return null;
    }
}
