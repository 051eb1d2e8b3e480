package io.viplane.topology;

import io.viplane.model.RoutedTicket;
import io.viplane.routing.TicketState;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Re-routes an account's open tickets after a change of account-level state (account, contact). */
final class Rerouter {
    private final ProcessorContext<String, RoutedTicket> context;
    private final AccountPartitionStores stores;
    private final RouteEmitter emitter;

    Rerouter(ProcessorContext<String, RoutedTicket> context, AccountPartitionStores stores, RouteEmitter emitter) {
        this.context = context;
        this.stores = stores;
        this.emitter = emitter;
    }

    /** @param onlyContactId when set, only tickets of that contact are affected */
    void rerouteOpenTickets(String accountId, String onlyContactId, Record<String, ?> cause, String sourceEventId) {
        // Stream time, not the CRM record's own time: CRM updates can be much older than the tickets.
        Instant now = Instant.ofEpochMilli(Math.max(cause.timestamp(), context.currentStreamTimeMs()));
        Instant decidedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (String ticketId : stores.openTicketIds(accountId)) {
            TicketState s = stores.tickets.get(ticketId);
            if (s == null || (onlyContactId != null && !onlyContactId.equals(s.contactId))) {
                continue;
            }
            emitter.reroute(s, now, decidedAt, sourceEventId).ifPresent(routed -> {
                context.forward(new Record<>(ticketId, routed, cause.timestamp()));
                stores.tickets.put(ticketId, s);
            });
        }
    }
}
