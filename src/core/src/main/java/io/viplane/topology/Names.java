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

    /**
     * The executive-contact index, written and read by the pipeline (a global store needs a topic of its
     * own, so it is not one of Kafka Streams' prefixed internal topics). Compacted; not part of the contract.
     */
    public static final String EXEC_INDEX = "viplane.executive-contacts";
    /** Topics the pipeline owns besides the contract's. */
    public static final List<String> PIPELINE_TOPICS = List.of(EXEC_INDEX);

    public static List<String> allTopics() {
        return java.util.stream.Stream.of(INPUT_TOPICS, OUTPUT_TOPICS, PIPELINE_TOPICS).flatMap(List::stream).toList();
    }

    public static boolean compacted(String topic) {
        return COMPACTED_TOPICS.contains(topic) || PIPELINE_TOPICS.contains(topic);
    }

    // Internal (repartition) topics; Kafka Streams prefixes them with the application id.
    public static final String TICKETS_BY_ACCOUNT = "tickets-by-account";
    public static final String CONTACTS_BY_ACCOUNT = "contacts-by-account";
    public static final String SLA_METRICS_BY_TIER = "sla-metrics-by-tier";
    /** CRM accounts re-keyed by the pipeline itself, so the producer's partitioner never matters. */
    public static final String ACCOUNTS_BY_ACCOUNT = "accounts-by-account";

    // State stores
    public static final String EVENT_ID_STORE = "ticket-event-ids";
    public static final String TICKET_OWNER_STORE = "ticket-owner";
    public static final String CONTACT_OWNER_STORE = "contact-owner";
    public static final String ACCOUNT_STORE = "accounts";
    public static final String CONTACT_STORE = "contacts-by-account";
    public static final String TICKET_STORE = "tickets";
    public static final String OPEN_TICKETS_STORE = "open-tickets-by-account";
    public static final String ACCOUNT_STATS_STORE = "account-ticket-stats";
    /** Sentiment that arrived before its ticket, keyed by ticket id, on the account partition. */
    public static final String PENDING_SENTIMENT_STORE = "pending-sentiment";
    /** Deadline index: due instant (zero-padded epoch ms) + ticket id, scanned in order by the timer. */
    public static final String DEADLINE_STORE = "ticket-deadlines";
    public static final String ACCOUNT_SIGNALS_STORE = "account-signals";
    public static final String ACCOUNT_RISK_STORE = "account-risk-level";
    /** Per account partition: the latest watermark of each support.tickets partition (event-time "now"). */
    public static final String WATERMARK_STORE = "ticket-watermarks";
    /** Per account partition, replaying: ticket events and scores held for event-time order (EventOrder). */
    public static final String EVENT_ORDER_STORE = "events-in-time-order";
    /** Global: every instance sees every agent (see README, "agents as a global table"). */
    public static final String AGENT_STORE = "agents";
    /** Global: executive contacts of every account by normalised name (see ExecutiveIndexProcessor). */
    public static final String EXEC_INDEX_STORE = "executive-contacts-by-name";
    /** Per contact partition: each contact's current entry in the executive index. */
    public static final String EXEC_INDEX_OWNER_STORE = "executive-index-entries";
    public static final String SLA_METRICS_HOURLY_STORE = "sla-metrics-hourly";
    public static final String SLA_METRICS_DAILY_STORE = "sla-metrics-daily";

    // Processors, sources and sinks
    public static final String SRC_TICKETS = "tickets-source";
    public static final String SRC_ACCOUNTS = "accounts-source";
    public static final String SRC_CONTACTS = "contacts-source";
    public static final String SRC_SENTIMENT = "sentiment-source";
    public static final String SRC_AGENTS = "agents-source";
    public static final String P_TICKET_DEDUP = "ticket-dedup-and-owner";
    public static final String P_CONTACT_OWNER = "contact-owner";
    public static final String P_ACCOUNT_STATE_STAMP = "account-as-state";
    public static final String P_EXEC_INDEX = "executive-index";
    public static final String SINK_EXEC_INDEX = "executive-index-sink";
    public static final String SRC_EXEC_INDEX = "executive-index-source";
    public static final String P_TICKET_ROUTER = "ticket-router";
    public static final String P_ACCOUNT_UPSERT = "account-upsert";
    public static final String P_CONTACT_UPSERT = "contact-upsert";
    public static final String P_SENTIMENT_OWNER = "sentiment-dedup-and-owner";
    /** Scores join the ticket events before their hop to the account partition (same watermarks). */
    public static final String P_MERGE_SENTIMENT_INPUT = "merge-sentiment-into-tickets";
    public static final String P_MERGE_ACCOUNT_OUTPUTS = "merge-account-outputs";
    public static final String P_MERGE_CONTACT_OUTPUTS = "merge-contact-outputs";
    public static final String P_OUTPUT_SPLIT = "output-by-type-";
    public static final String BRANCH_ROUTED = "routed";
    public static final String BRANCH_ESCALATIONS = "escalations";
    public static final String BRANCH_SLA_EVENTS = "sla-events";
    public static final String BRANCH_AT_RISK = "at-risk";
    public static final String P_SLA_METRICS = "sla-metrics";

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
