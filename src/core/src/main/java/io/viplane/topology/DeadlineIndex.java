package io.viplane.topology;

import io.viplane.routing.TicketState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each open ticket's next wake-up (its earliest SLA threshold or escalation timer), ordered by time.
 * Keys are the zero-padded due instant followed by the ticket id, so the store's byte order is time
 * order and a scan stops at the first entry in the future: a timer costs what is due, not what is open.
 */
final class DeadlineIndex {
    private final KeyValueStore<String, String> store;

    DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    static String key(Instant at, String ticketId) {
        return String.format("%019d", Math.max(0, at.toEpochMilli())) + '\u0001' + ticketId;
    }

    /** Replaces the ticket's entry; {@code at == null} removes it. */
    void schedule(TicketState s, Instant at) {
        String next = at == null ? null : key(at, s.ticketId);
        if (next != null && next.equals(s.wakeUpKey)) {
            return;
        }
        if (s.wakeUpKey != null) {
            store.delete(s.wakeUpKey);
        }
        if (next != null) {
            store.put(next, s.ticketId);
        }
        s.wakeUpKey = next;
    }

    /** Up to {@code max} entries (index key, ticket id) due at or before {@code now}, earliest first. */
    List<KeyValue<String, String>> due(Instant now, int max) {
        String bound = String.format("%019d", now.toEpochMilli()) + '\u0002';
        List<KeyValue<String, String>> ids = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.all()) {
            while (it.hasNext() && ids.size() < max) {
                KeyValue<String, String> kv = it.next();
                if (kv.key.compareTo(bound) > 0) {
                    break;
                }
                ids.add(kv);
            }
        }
        return ids;
    }

    /** A wake-up for a ticket that has no state yet (a parked sentiment score that must expire). */
    void scheduleOrphan(String ticketId, Instant at) {
        store.put(key(at, ticketId), ticketId);
    }

    /** For an entry whose ticket is gone: nothing else would ever remove it. */
    void remove(String key) {
        store.delete(key);
    }
}
