package io.viplane.topology;

import io.viplane.model.SlaEvent;
import io.viplane.model.SlaMetric;
import io.viplane.routing.RoutingDecision;
import io.viplane.routing.TicketState;
import io.viplane.sla.clock.MetricClock;
import io.viplane.sla.clock.SlaClocks;
import io.viplane.sla.clock.SlaTransition;
import java.time.Instant;
import java.util.List;

/**
 * Moves a ticket's SLA clocks to {@code now} and returns what has to be published. The clocks are
 * recomputed from the ticket's facts each time, so late events and target changes (dynamic SLA)
 * need no special case; the ledger makes each transition go out once.
 */
final class SlaStage {
    private final SlaClocks clocks;

    SlaStage(Rules rules) {
        this.clocks = rules.clocks();
    }

    /** The ticket's clocks as of {@code now}, and what of them is news. */
    record Moved(List<MetricClock> clocks, List<SlaTransition> transitions) {
        static final Moved NONE = new Moved(List.of(), List.of());

        /** When the open cycle of {@code metric} is due, as the clock enforces it; null when none runs (or paused). */
        Instant due(SlaMetric metric) {
            MetricClock open = null;
            for (MetricClock c : clocks) {
                boolean running = c.phase() == MetricClock.Phase.RUNNING || c.phase() == MetricClock.Phase.PAUSED;
                if (c.metric() == metric && running && (open == null || c.cycleStart().isAfter(open.cycleStart()))) {
                    open = c;
                }
            }
            return open == null ? null : open.dueAt();
        }
    }

    /**
     * @param seen how far the ticket's history is known (its events up to then count)
     * @param now up to when its deadlines may fire (at most {@code seen})
     */
    Moved advance(TicketState s, Routing r, Instant seen, Instant now) {
        if (s.sla.createdAt == null) {
            return Moved.NONE;
        }
        RoutingDecision d = r.decision();
        List<MetricClock> all = clocks.evaluate(
                s.sla.toTicket(d.tier(), d.priority(), d.firstResponseTargetMinutes()), r.slaTime(), seen, now);
        return new Moved(all, s.slaLedger.update(all, now));
    }

    static SlaEvent toEvent(TicketState s, Routing r, SlaTransition t) {
        return SlaEvent.newBuilder()
                .setTicketId(s.ticketId)
                .setAccountId(s.accountId)
                .setTier(r.decision().tier())
                .setMetric(t.metric())
                .setState(t.state())
                .setDueAt(t.dueAt())
                .setOccurredAt(t.occurredAt())
                .setElapsedMinutes(t.elapsedMinutes())
                .setTargetMinutes(t.targetMinutes())
                .build();
    }
}
