package io.viplane.topology;

import io.viplane.model.TicketEvent;
import io.viplane.policy.Policy;
import io.viplane.routing.AccountTicketStats;
import io.viplane.routing.TicketState;
import io.viplane.sla.SlaTimeResolver;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Record;

/** Runs on the account partition: folds a ticket event into the ticket's state and re-routes it. */
final class TicketRouterProcessor extends AccountPartitionProcessor<TicketEvent> {
    TicketRouterProcessor(Policy policy, SlaTimeResolver slaTimes) {
        super(policy, slaTimes);
    }

    @Override
    public void process(Record<String, TicketEvent> record) {
        TicketEvent e = record.value();
        TicketState stored = stores.tickets.get(e.getTicketId());
        boolean isNew = stored == null;
        boolean wasOpen = !isNew && !stored.isClosed();
        TicketState s = isNew ? TicketState.start(e) : stored;
        s.apply(e);
        trackOpen(s, isNew, wasOpen);

        Instant decidedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
        emitter.reroute(s, e.getOccurredAt(), decidedAt, e.getEventId())
                .ifPresent(routed -> context.forward(record.withKey(s.ticketId).withValue(routed)));
        stores.tickets.put(s.ticketId, s);
    }

    private void trackOpen(TicketState s, boolean isNew, boolean wasOpen) {
        if (s.accountId == null) {
            return;
        }
        boolean nowOpen = !s.isClosed();
        if (!isNew && wasOpen == nowOpen) {
            return;
        }
        AccountTicketStats stats = stores.stats(s.accountId);
        if (isNew) {
            stats.created(s.createdAt, policy().defaults().recentTicketsDays());
        }
        String key = Names.compositeKey(s.accountId, s.ticketId);
        if (nowOpen) {
            stats.open++;
            stores.openTickets.put(key, s.createdAt.toEpochMilli());
        } else {
            if (wasOpen) {
                stats.open = Math.max(0, stats.open - 1);
            }
            stores.openTickets.delete(key);
        }
        stores.stats.put(s.accountId, stats);
    }
}
