package io.viplane.topology;

import java.util.List;

/** Every topic, store, processor and internal topic name of the pipeline, in one place. */
public final class Names {
    private Names() {
    }

    // Contract topics (shared/CONTRACT.md)
    public static final String ACCOUNTS = "crm.accounts";
    public static final String CONTACTS = "crm.contacts";
    public static final String TICKETS = "support.tickets";
    public static final String SENTIMENT = "support.sentiment";
    public static final String AGENTS = "support.agents";
    public static final String ROUTED = "support.tickets.routed";
    public static final String ESCALATIONS = "support.escalations";
    public static final String SLA_EVENTS = "support.sla.events";
    public static final String SLA_METRICS = "support.sla.metrics";
    public static final String AT_RISK = "accounts.at-risk";
    public static final String DLQ = "support.dlq";

    public static final List<String> INPUT_TOPICS = List.of(ACCOUNTS, CONTACTS, TICKETS, SENTIMENT, AGENTS);
    public static final List<String> OUTPUT_TOPICS = List.of(ROUTED, ESCALATIONS, SLA_EVENTS, SLA_METRICS, AT_RISK, DLQ);
    /** Compacted: the latest value per key is the state of the entity. */
    public static final List<String> COMPACTED_TOPICS = List.of(ACCOUNTS, CONTACTS, AGENTS);

    public static List<String> allTopics() {
        return java.util.stream.Stream.concat(INPUT_TOPICS.stream(), OUTPUT_TOPICS.stream()).toList();
    }

    // Internal (repartition) topics; Kafka Streams prefixes them with the application id.
    public static final String TICKETS_BY_ACCOUNT = "tickets-by-account";
    public static final String CONTACTS_BY_ACCOUNT = "contacts-by-account";

    // State stores
    public static final String EVENT_ID_STORE = "ticket-event-ids";
    public static final String TICKET_OWNER_STORE = "ticket-owner";
    public static final String CONTACT_OWNER_STORE = "contact-owner";
    public static final String ACCOUNT_STORE = "accounts";
    public static final String CONTACT_STORE = "contacts-by-account";
    public static final String TICKET_STORE = "tickets";
    public static final String OPEN_TICKETS_STORE = "open-tickets-by-account";
    public static final String ACCOUNT_STATS_STORE = "account-ticket-stats";

    // Processors, sources and sinks
    public static final String SRC_TICKETS = "tickets-source";
    public static final String SRC_ACCOUNTS = "accounts-source";
    public static final String SRC_CONTACTS = "contacts-source";
    public static final String P_TICKET_DEDUP = "ticket-dedup-and-owner";
    public static final String P_CONTACT_OWNER = "contact-owner";
    public static final String P_TICKET_ROUTER = "ticket-router";
    public static final String P_ACCOUNT_UPSERT = "account-upsert";
    public static final String P_CONTACT_UPSERT = "contact-upsert";
    public static final String SINK_ROUTED_TICKETS = "routed-sink-from-tickets";
    public static final String SINK_ROUTED_ACCOUNTS = "routed-sink-from-accounts";
    public static final String SINK_ROUTED_CONTACTS = "routed-sink-from-contacts";

    /** Key of a ticket that has no account yet: spread by ticket rather than piled on one key. */
    public static String accountlessKey(String ticketId) {
        return "?" + ticketId;
    }

    /** Composite store key; the separator sorts before every printable character, so prefix scans stay exact. */
    public static String compositeKey(String accountId, String id) {
        return accountId + '\u0001' + id;
    }

    public static String compositePrefix(String accountId) {
        return accountId + '\u0001';
    }
}
