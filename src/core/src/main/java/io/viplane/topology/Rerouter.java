package io.viplane.topology;

import io.viplane.routing.TicketState;
import java.time.Instant;

/** Re-routes an account's open tickets after a change of account-level state (account, contact). */
final class Rerouter {
    private final AccountPartitionStores stores;
    private final TicketEngine engine;

    Rerouter(AccountPartitionStores stores, TicketEngine engine) {
        this.stores = stores;
        this.engine = engine;
    }

    /** @param onlyContactId when set, only tickets of that contact are affected */
    void rerouteOpenTickets(String accountId, String onlyContactId, String sourceEventId) {
        // The clocks' "now", never the CRM record's own time: CRM records are state and move no clock.
        for (String ticketId : stores.openTicketIds(accountId)) {
            TicketState s = stores.tickets.get(ticketId);
            if (s == null || (onlyContactId != null && !onlyContactId.equals(s.contactId))) {
                continue;
            }
            engine.contextChanged(s, engine.historyNow(s), sourceEventId);
        }
    }
}
