package io.viplane.topology;

import io.viplane.model.TicketEvent;
import io.viplane.policy.Policy;
import io.viplane.routing.TicketState;
import io.viplane.sla.SlaTimeResolver;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What follows any change of a ticket on the account partition, whatever caused it (its own event,
 * a sentiment score, an account or contact change, a timer): re-route, then move its SLA clocks and
 * escalations on, then index its next wake-up and store it. The rules are pure functions elsewhere;
 * this class only gathers their inputs, forwards their outputs and keeps the state.
 */
final class TicketEngine {
    /** Per timer run; the rest waits for the next run so one punctuation cannot stall the task. */
    static final int MAX_DUE_PER_RUN = 10_000;

    private final ProcessorContext<String, SpecificRecord> context;
    private final AccountPartitionStores stores;
    private final RouteEmitter router;
    private final DeadlineIndex deadlines;
    private final ClockMode clock;

    TicketEngine(Policy policy, SlaTimeResolver slaTimes, TopologyOptions options,
                 ProcessorContext<String, SpecificRecord> context, AccountPartitionStores stores) {
        this.context = context;
        this.stores = stores;
        this.router = new RouteEmitter(policy, slaTimes, stores);
        this.deadlines = new DeadlineIndex(stores.deadlines);
        this.clock = options.clock();
    }

    /**
     * @param eventTime the time of the change (event time of its cause)
     * @param cause the ticket event that caused it, or null for account, contact or sentiment changes
     */
    void changed(TicketState s, Instant eventTime, String sourceEventId, TicketEvent cause) {
        Instant decidedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
        long ts = eventTime.toEpochMilli();
        router.reroute(s, eventTime, decidedAt, sourceEventId)
                .ifPresent(routed -> context.forward(new Record<>(s.ticketId, routed, ts)));
        deadlines.schedule(s, nextWakeUp(s));
        stores.tickets.put(s.ticketId, s);
    }

    void onTimer(long punctuationMs) {
        Instant now = Instant.ofEpochMilli(punctuationMs);
        List<KeyValue<String, String>> due = deadlines.due(now, MAX_DUE_PER_RUN);
        for (KeyValue<String, String> entry : due) {
            TicketState s = stores.tickets.get(entry.value);
            if (s == null || !entry.key.equals(s.wakeUpKey)) {
                deadlines.remove(entry.key);
                continue;
            }
            deadlines.schedule(s, nextWakeUp(s));
            stores.tickets.put(s.ticketId, s);
        }
    }

    /** "Now" for clocks: wall-clock time live, stream time when replaying history. */
    Instant clockNow() {
        return Instant.ofEpochMilli(clock == ClockMode.WALL_CLOCK
                ? context.currentSystemTimeMs() : Math.max(0, context.currentStreamTimeMs()));
    }

    private Instant nextWakeUp(TicketState s) {
        return null;
    }
}
