package io.viplane.topology;

import io.viplane.model.Account;
import io.viplane.model.Contact;
import io.viplane.model.SentimentEvent;
import io.viplane.risk.AccountSignals;
import io.viplane.risk.RiskLevelTracker;
import io.viplane.routing.AccountTicketStats;
import io.viplane.routing.TicketState;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The state kept on an account partition, shared by the processors that run there. */
final class AccountPartitionStores {
    private static final StringSerializer KEYS = new StringSerializer();

    final KeyValueStore<String, Account> accounts;
    final KeyValueStore<String, Contact> contacts;
    final KeyValueStore<String, TicketState> tickets;
    final KeyValueStore<String, Long> openTickets;
    final KeyValueStore<String, AccountTicketStats> stats;
    final KeyValueStore<String, String> deadlines;
    final KeyValueStore<String, SentimentEvent> pendingSentiment;
    /** The account's signal windows: up to ~100 KB for a busy account, so read only when they change. */
    final KeyValueStore<String, AccountSignals> signals;
    /** The account's published risk level: small, read by every routing decision. */
    final KeyValueStore<String, RiskLevelTracker> risk;
    /** Each ticket source's latest {@link Watermark}, and the partition's event-time "now". */
    final KeyValueStore<String, Watermark> watermarks;
    /** Replaying: ticket events and scores waiting for their turn in event-time order ({@link EventOrder}). */
    final KeyValueStore<String, EventOrder.Held> held;
    /** Global, read-only here: executives of every account by normalised name (ExecutiveIndexProcessor). */
    final KeyValueStore<String, String> executives;

    AccountPartitionStores(ProcessingContext context) {
        accounts = context.getStateStore(Names.ACCOUNT_STORE);
        contacts = context.getStateStore(Names.CONTACT_STORE);
        tickets = context.getStateStore(Names.TICKET_STORE);
        openTickets = context.getStateStore(Names.OPEN_TICKETS_STORE);
        stats = context.getStateStore(Names.ACCOUNT_STATS_STORE);
        deadlines = context.getStateStore(Names.DEADLINE_STORE);
        pendingSentiment = context.getStateStore(Names.PENDING_SENTIMENT_STORE);
        signals = context.getStateStore(Names.ACCOUNT_SIGNALS_STORE);
        risk = context.getStateStore(Names.ACCOUNT_RISK_STORE);
        watermarks = context.getStateStore(Names.WATERMARK_STORE);
        executives = context.getStateStore(Names.EXEC_INDEX_STORE);
        held = context.getStateStore(Names.EVENT_ORDER_STORE);
    }

    static String[] names() {
        return new String[] {Names.ACCOUNT_STORE, Names.CONTACT_STORE, Names.TICKET_STORE,
            Names.OPEN_TICKETS_STORE, Names.ACCOUNT_STATS_STORE, Names.DEADLINE_STORE,
            Names.PENDING_SENTIMENT_STORE, Names.ACCOUNT_SIGNALS_STORE, Names.ACCOUNT_RISK_STORE, Names.WATERMARK_STORE,
            Names.EVENT_ORDER_STORE};
    }

    Account account(String accountId) {
        return accountId == null ? null : accounts.get(accountId);
    }

    Contact contact(String accountId, String contactId) {
        return accountId == null || contactId == null ? null
                : contacts.get(Names.compositeKey(accountId, contactId));
    }

    /** Ids of the account's open tickets; the index exists so that account changes re-route them. */
    List<String> openTicketIds(String accountId) {
        List<String> ids = new ArrayList<>();
        String prefix = Names.compositePrefix(accountId);
        try (KeyValueIterator<String, Long> it = openTickets.prefixScan(prefix, KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                ids.add(kv.key.substring(prefix.length()));
            }
        }
        return ids;
    }

    /** Whether an executive of any account has this name (normalised, see {@code NameMatch.key}). */
    boolean executiveNamed(String name) {
        String key = io.viplane.escalation.NameMatch.key(name);
        if (key == null) {
            return false;
        }
        try (KeyValueIterator<String, String> it = executives.prefixScan(Names.compositePrefix(key), KEYS)) {
            return it.hasNext();
        }
    }

    AccountTicketStats stats(String accountId) {
        AccountTicketStats s = accountId == null ? null : stats.get(accountId);
        return s == null ? new AccountTicketStats() : s;
    }
}
