package io.viplane.topology;

import io.viplane.routing.TicketState;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Re-routes an account's open tickets after a change of account-level state (account, contact). */
final class Rerouter {
    private final ProcessorContext<String, SpecificRecord> context;
    private final AccountPartitionStores stores;
    private final TicketEngine engine;

    Rerouter(ProcessorContext<String, SpecificRecord> context, AccountPartitionStores stores, TicketEngine engine) {
        this.context = context;
        this.stores = stores;
        this.engine = engine;
    }

    /** @param onlyContactId when set, only tickets of that contact are affected */
    void rerouteOpenTickets(String accountId, String onlyContactId, Record<String, ?> cause, String sourceEventId) {
        // Stream time, not the CRM record's own time: CRM updates can be much older than the tickets.
        Instant now = Instant.ofEpochMilli(Math.max(cause.timestamp(), context.currentStreamTimeMs()));
        for (String ticketId : stores.openTicketIds(accountId)) {
            TicketState s = stores.tickets.get(ticketId);
            if (s == null || (onlyContactId != null && !onlyContactId.equals(s.contactId))) {
                continue;
            }
            engine.contextChanged(s, now, sourceEventId);
        }
    }
}
