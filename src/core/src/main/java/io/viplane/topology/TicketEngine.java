package io.viplane.topology;

import io.viplane.escalation.EscalationFacts;
import io.viplane.model.Account;
import io.viplane.model.Escalation;
import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import io.viplane.routing.TicketState;
import io.viplane.sla.SlaTimeResolver;
import io.viplane.sla.clock.SlaTransition;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What follows any change of a ticket on the account partition, whatever caused it (its own event,
 * a sentiment score, an account or contact change, a timer): read the signals, re-route, move the SLA
 * clocks, escalate, re-score the account, then index the ticket's next wake-up and store it. The rules
 * are pure functions elsewhere; this class only gathers their inputs, forwards their outputs and keeps
 * the state.
 */
final class TicketEngine {
    /** Per timer run; the rest waits for the next run so one punctuation cannot stall the task. */
    static final int MAX_DUE_PER_RUN = 10_000;
    /**
     * Also bounded in time: a punctuation runs inside the task's transaction, and one that outlives the
     * transaction timeout (5 s, StreamsSettings) gets the thread fenced and its stores
     * restored, which only makes the backlog worse. The index is time-ordered, so the oldest go first.
     */
    static final long TIMER_BUDGET_NANOS = 500_000_000L;
    static final String TIMER_SOURCE = "timer";
    static final java.time.Duration TIMER_RETRY = java.time.Duration.ofMinutes(1);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TicketEngine.class);

    private final ProcessorContext<String, SpecificRecord> context;
    private final AccountPartitionStores stores;
    private final RouteEmitter router;
    private final DeadlineIndex deadlines;
    private final ClockMode clock;
    private final SignalStage signals;
    private final SlaStage sla;
    private final EscalationStage escalations;
    private final RiskStage risk;
    private final java.time.Duration closedRetention;
    /** How far out of order a ticket's own events may arrive (see {@link #ticketNow}). */
    private final java.time.Duration lateness;
    private final EventClock eventClock;
    /** Live mode: a mark prompts a timer run once it moved the clock this far (marks come from every source). */
    private static final long MIN_TIMER_STEP_MS = 100;
    /** The clock's "now" at the last timer run. */
    private long lastTimerNowMs = -1;

    TicketEngine(Rules rules, SlaTimeResolver slaTimes, TopologyOptions options,
                 ProcessorContext<String, SpecificRecord> context, AccountPartitionStores stores) {
        this.context = context;
        this.stores = stores;
        AgentDirectory agents = new AgentDirectory(context, options.agentRefresh().toMillis());
        this.router = new RouteEmitter(rules, slaTimes, stores, agents);
        this.deadlines = new DeadlineIndex(stores.deadlines);
        this.clock = options.clock();
        this.closedRetention = options.dedupRetention();
        this.lateness = options.eventTime().lateness();
        this.signals = new SignalStage(rules);
        this.sla = new SlaStage(rules);
        this.escalations = new EscalationStage(rules, stores);
        this.risk = new RiskStage(rules, stores);
        this.eventClock = new EventClock(context, stores.watermarks, options);
    }

    /** The ticket's own event has been folded into its state. */
    void ticketEvent(TicketState s, TicketEvent e, boolean wasClosed) {
        SignalStage.Reading reading = signals.read(s, e);
        Instant at = e.getOccurredAt();
        Routing r = route(s, at);
        if (risk.onTicket(s, e, reading, wasClosed, r, at).map(this::forwardRisk).isPresent()) {
            r = route(s, at); // the ticket's own words moved the account's risk: route with the new level
        }
        advance(s, at, e.getEventId(), e, r);
    }

    /** An NLP score arrived for a ticket already known here. */
    void sentimentArrived(TicketState s, SentimentEvent e) {
        Instant at = e.getOccurredAt();
        Routing r = route(s, at);
        if (risk.onSentiment(s.accountId, e, r.account(), r.daysToRenewal(), at).map(this::forwardRisk).isPresent()) {
            r = route(s, at);
        }
        advance(s, at, e.getEventId(), null, r);
    }

    /** A score for a ticket not seen here yet: parked, and forgotten if the ticket never comes. */
    void parkSentiment(SentimentEvent e) {
        SentimentEvent parked = stores.pendingSentiment.get(e.getTicketId());
        if (parked == null || !e.getOccurredAt().isBefore(parked.getOccurredAt())) {
            stores.pendingSentiment.put(e.getTicketId(), e);
            deadlines.scheduleOrphan(e.getTicketId(), e.getOccurredAt().plus(closedRetention));
        }
    }

    /** A score whose ticket never came; a newer parked score has its own, later entry. */
    private void expireParkedSentiment(String ticketId, Instant now) {
        SentimentEvent parked = stores.pendingSentiment.get(ticketId);
        if (parked != null && !parked.getOccurredAt().plus(closedRetention).isAfter(now)) {
            stores.pendingSentiment.delete(ticketId);
        }
    }

    /** Account or contact state changed: re-route, and let the clocks see the new targets. */
    void contextChanged(TicketState s, Instant at, String sourceEventId) {
        advance(s, at, sourceEventId, null, route(s, at));
    }

    /** The CRM record changed: the account's risk may change without any ticket. */
    void accountChanged(String accountId, Account account, Integer daysToRenewal, Instant at) {
        risk.onAccount(accountId, account, daysToRenewal, at).ifPresent(this::forwardRisk);
    }

    Integer daysToRenewal(Account a, Instant at) {
        return router.daysToRenewal(a, at);
    }

    /**
     * A ticket source's progress: {@code release} hands on the records held for event-time order that it let
     * through (see {@link EventOrder}) and says the time of the oldest still held; then, when the mark moved
     * the watermark, the clocks it passed fire, none past that record.
     */
    void onWatermark(Watermark mark, java.util.function.LongSupplier release) {
        boolean moved = eventClock.onMark(mark);
        long oldestHeldMs = release.getAsLong();
        if (!moved) {
            return;
        }
        if (clock == ClockMode.STREAM_TIME || clockNow().toEpochMilli() - lastTimerNowMs >= MIN_TIMER_STEP_MS) {
            timersBefore(oldestHeldMs);
        }
    }

    /**
     * Wakes the tickets due at the clock's "now" (see {@link EventClock}).
     *
     * @return false when the run stopped at its budget with tickets still due
     */
    boolean onTimer() {
        if (!eventClock.known()) {
            return true; // a replay whose sources have not all reported: nothing may be due yet
        }
        long punctuationMs = clockNow().toEpochMilli();
        lastTimerNowMs = punctuationMs;
        Instant now = Instant.ofEpochMilli(punctuationMs);
        long started = System.nanoTime();
        List<KeyValue<String, String>> due = deadlines.due(now, MAX_DUE_PER_RUN);
        for (KeyValue<String, String> entry : due) {
            if (System.nanoTime() - started > TIMER_BUDGET_NANOS) {
                return false;
            }
            TicketState s = stores.tickets.get(entry.value);
            if (s == null) {
                deadlines.remove(entry.key);
                expireParkedSentiment(entry.value, now);
            } else if (!entry.key.equals(s.wakeUpKey)) {
                deadlines.remove(entry.key);
            } else if (s.purgeAt != null && s.isClosed() && !now.isBefore(s.purgeAt)) {
                deadlines.remove(entry.key);
                stores.tickets.delete(s.ticketId);
            } else {
                wake(s, now, punctuationMs);
            }
        }
        return due.size() < MAX_DUE_PER_RUN;
    }

    private void wake(TicketState s, Instant now, long punctuationMs) {
        try {
            Routing r = route(s, now);
            // The ticket's whole history, as on an event: a timer that cut it at the watermark would judge
            // its clocks on less than the next event of the ticket does, and which of the two comes first
            // depends on how marks and records interleave (measured: two demo runs differed by one MET).
            SlaStage.Moved moved = moveClocks(s, r, historyNow(s, now), ticketNow(s, now));
            EscalationFacts facts = escalations.facts(s, null, r, now);
            forwardEscalations(escalations.onSla(s, facts, moved.transitions()));
            forwardEscalations(escalations.onTimer(s, facts));
            router.emitIfChanged(s, r, moved, now, wallClock(), TIMER_SOURCE)
                    .ifPresent(routed -> context.forward(new Record<>(s.ticketId, routed, punctuationMs)));
            reschedule(s, facts);
        } catch (RuntimeException e) {
            // One bad ticket must not hold up every deadline behind it in the index: retry it later.
            // The message is left out: it could quote ticket data.
            LOG.warn("timer for ticket {} failed ({}); retrying in {}", s.ticketId, e.getClass().getName(), TIMER_RETRY);
            TicketState stored = stores.tickets.get(s.ticketId);
            deadlines.schedule(stored, now.plus(TIMER_RETRY));
            stores.tickets.put(stored.ticketId, stored);
        }
    }

    private Routing route(TicketState s, Instant at) {
        return router.evaluate(s, at, signals.judge(s), risk.level(s.accountId));
    }

    private void advance(TicketState s, Instant at, String sourceEventId, TicketEvent cause, Routing r) {
        Instant clockNow = clockNow();
        Instant now = ticketNow(s, clockNow);
        SlaStage.Moved moved = moveClocks(s, r, historyNow(s, clockNow), now);
        router.emitIfChanged(s, r, moved, at, wallClock(), sourceEventId)
                .ifPresent(routed -> context.forward(new Record<>(s.ticketId, routed, at.toEpochMilli())));
        EscalationFacts facts = escalations.facts(s, cause, r, now);
        forwardEscalations(escalations.onEvent(s, facts));
        forwardEscalations(escalations.onSla(s, facts, moved.transitions()));
        reschedule(s, facts);
    }

    private SlaStage.Moved moveClocks(TicketState s, Routing r, Instant seen, Instant now) {
        SlaStage.Moved moved = sla.advance(s, r, seen, now);
        for (SlaTransition t : moved.transitions()) {
            context.forward(new Record<>(s.ticketId, SlaStage.toEvent(s, r, t), t.occurredAt().toEpochMilli()));
        }
        return moved;
    }

    private void forwardEscalations(List<Escalation> list) {
        for (Escalation e : list) {
            String key = e.getTicketId() != null ? e.getTicketId() : e.getAccountId();
            context.forward(new Record<>(key, e, e.getOccurredAt().toEpochMilli()));
        }
    }

    private io.viplane.model.AtRiskAccount forwardRisk(io.viplane.model.AtRiskAccount a) {
        context.forward(new Record<>(a.getAccountId(), a, a.getOccurredAt().toEpochMilli()));
        return a;
    }

    private void reschedule(TicketState s, EscalationFacts facts) {
        Instant next = min(s.slaLedger.nextWakeUp(), escalations.nextWakeUp(facts));
        // A closed ticket with nothing left to time is forgotten once its duplicates would no longer be
        // recognised either; a reopen within that time finds its state, SLA ledger and escalations.
        s.purgeAt = next == null && s.isClosed() && s.statusAt != null ? s.statusAt.plus(closedRetention) : null;
        deadlines.schedule(s, next != null ? next : s.purgeAt);
        stores.tickets.put(s.ticketId, s);
    }

    /**
     * How far one ticket's own history is known: up to its latest event (folded before this call), even
     * ahead of the watermark. Nothing else moves it: a sentiment score or CRM change travels its own hop and
     * can arrive ahead of the ticket's reply (measured on the demo: breached at 09:30, then met at 07:30).
     */
    Instant historyNow(TicketState s) {
        return historyNow(s, clockNow());
    }

    private static Instant historyNow(TicketState s, Instant clockNow) {
        return s.lastEventAt != null ? max(clockNow, s.lastEventAt) : clockNow;
    }

    /**
     * Up to when one ticket's deadlines (warnings, breaches, "unresolved after") may fire. Replaying, its own
     * latest event less the allowed lateness, as for the watermark: an older event of the ticket may still be
     * on its way (measured on the demo: a priority raised at 18:01 published before the reply of 17:50
     * breached the new target). Live, the wall clock cannot wait beyond the grace: its latest event.
     */
    private Instant ticketNow(TicketState s, Instant now) {
        if (s.lastEventAt == null) {
            return now;
        }
        return max(now, clock == ClockMode.STREAM_TIME ? s.lastEventAt.minus(lateness) : s.lastEventAt);
    }

    /**
     * The timers, but none past a record still held for event-time order (a release its budget cut short
     * leaves some behind the watermark; a reply among them must count before its clock fires).
     */
    void timersBefore(long oldestHeldMs) {
        eventClock.pin(oldestHeldMs);
        try {
            onTimer();
        } finally {
            eventClock.unpin();
        }
    }

    /**
     * Processes a record held for event-time order as at its own time: the deadlines due before it fire
     * first, and its step sees "now" no later than it (see {@link EventClock#pin}).
     *
     * @return false when the timer run before it was cut short by its budget: the record was not processed
     */
    boolean asAt(long atMs, Runnable step) {
        eventClock.pin(atMs);
        try {
            if (!onTimer()) {
                return false; // the deadlines before it first, on the next call: its step must come after them
            }
            step.run();
            return true;
        } finally {
            eventClock.unpin();
        }
    }

    /** Up to which event time records held for event-time order may go on (see {@link EventOrder}). */
    long eventOrderReleasePoint() {
        return eventClock.orderedUpTo(EventOrder.SETTLE.toMillis(), EventOrder.STALL.toMillis());
    }

    /** "Now" for clocks: wall-clock time held back to the ticket sources' watermark live, the watermark in a replay. */
    Instant clockNow() {
        return eventClock.now();
    }

    private Instant wallClock() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
