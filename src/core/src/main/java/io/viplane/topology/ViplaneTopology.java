package io.viplane.topology;

import io.viplane.admission.RecordTimes;
import io.viplane.codec.EdgeSerdes;
import io.viplane.model.Account;
import io.viplane.model.Contact;
import io.viplane.model.Agent;
import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import io.viplane.policy.Policy;
import io.viplane.risk.AccountSignals;
import io.viplane.risk.RiskLevelTracker;
import io.viplane.routing.AccountTicketStats;
import io.viplane.routing.TicketState;
import io.viplane.sla.PolicySlaTimes;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The pipeline's topology, independent of wiring and configuration so tests can drive it with
 * {@code TopologyTestDriver}.
 *
 * <p>Two partitionings: tickets arrive keyed by {@code ticket_id} (dedup, ticket-to-account pinning)
 * and are re-keyed by {@code account_id}, where they meet account and contact state. Accounts and
 * contacts are re-keyed to their account by the pipeline too, so everything about an account lives on
 * one partition whatever partitioner the producers used. Ticket partitions also send their event-time
 * progress ({@link Watermark}) down the same topic: the account partition's clocks run on it.
 */
public final class ViplaneTopology {
    private static final Serde<String> KEYS = Serdes.String();

    private ViplaneTopology() {
    }

    /**
     * Binds every section of the policy (each package validates its own), so a bad policy stops
     * start-up with its path and reason before anything connects to Kafka.
     */
    public static void checkPolicy(Policy policy) {
        Rules.bind(policy);
    }

    /** @throws io.viplane.policy.PolicyException when a section of the policy is invalid */
    public static Topology build(Policy policy, TopologyOptions requested) {
        Rules rules = Rules.bind(policy);
        TopologyOptions options = requested.slaTimes() != null ? requested
                : requested.withSlaTimes(new PolicySlaTimes(policy, null));
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, options.dedupRetention());
        // One registry client (and its caches) for every edge topic of the topology.
        EdgeSerdes format = EdgeSerdes.of(options.format(), options.registry());
        String[] accountStores = AccountPartitionStores.names();
        RecordTimes times = new RecordTimes(options.maxFutureSkew());
        RecordBudget budget = new RecordBudget(RecordBudget.DEFAULT);

        // Scores take the tickets' own hop, behind the same watermarks: replaying, the account partition can
        // then take a ticket's events and its scores in event-time order (EventOrder); on a hop of their own,
        // which of the two came first was a race between the upstream tasks.
        KStream<String, Object> sentiment = builder.stream(Names.SENTIMENT,
                        consumed(SentimentEvent.class, format, Names.SRC_SENTIMENT, times))
                .process(() -> new SentimentOwnerProcessor(options.dedupRetention(), options.maxFutureSkew()), Named.as(Names.P_SENTIMENT_OWNER),
                        Names.EVENT_ID_STORE, Names.TICKET_OWNER_STORE);
        KStream<String, SpecificRecord> fromTickets = builder.stream(Names.TICKETS, consumed(TicketEvent.class, format, Names.SRC_TICKETS, times))
                .process(() -> new TicketDedupProcessor(options), Named.as(Names.P_TICKET_DEDUP),
                        Names.EVENT_ID_STORE, Names.TICKET_OWNER_STORE)
                .merge(sentiment, Named.as(Names.P_MERGE_SENTIMENT_INPUT))
                .repartition(repartitioned(Names.TICKETS_BY_ACCOUNT, new TicketStreamSerde(), options)
                        .withStreamPartitioner(new AccountPartitioner<>()))
                .process(() -> new TicketRouterProcessor(rules, options, budget), Named.as(Names.P_TICKET_ROUTER), accountStores);

        KStream<String, SpecificRecord> fromAccounts = builder.stream(Names.ACCOUNTS,
                        consumed(Account.class, format, Names.SRC_ACCOUNTS, times))
                // Through a topic the pipeline writes itself: the CRM producer's partitioner never matters.
                .process(() -> new StateStamp<Account>("account_id", Account::getAccountId, Account::getUpdatedAt, times), Named.as(Names.P_ACCOUNT_STATE_STAMP))
                .repartition(repartitioned(Names.ACCOUNTS_BY_ACCOUNT, StateSerdes.avro(Account.class), options)
                        .withStreamPartitioner(new AccountPartitioner<>()))
                .process(() -> new AccountUpsertProcessor(rules, options, budget), Named.as(Names.P_ACCOUNT_UPSERT),
                        accountStores);

        KStream<String, Contact> contacts = builder.stream(Names.CONTACTS, consumed(Contact.class, format, Names.SRC_CONTACTS, times));
        contacts.process(ExecutiveIndexProcessor::new, Named.as(Names.P_EXEC_INDEX), Names.EXEC_INDEX_OWNER_STORE)
                .to(Names.EXEC_INDEX, Produced.with(KEYS, KEYS).withName(Names.SINK_EXEC_INDEX));
        builder.globalTable(Names.EXEC_INDEX, Consumed.with(KEYS, KEYS).withName(Names.SRC_EXEC_INDEX),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(Names.EXEC_INDEX_STORE)
                        .withKeySerde(KEYS).withValueSerde(KEYS));
        KStream<String, SpecificRecord> fromContacts = contacts
                .process(() -> new ContactOwnerProcessor(times), Named.as(Names.P_CONTACT_OWNER), Names.CONTACT_OWNER_STORE)
                .repartition(repartitioned(Names.CONTACTS_BY_ACCOUNT, StateSerdes.avro(Contact.class), options)
                        .withStreamPartitioner(new AccountPartitioner<>()))
                .process(() -> new ContactUpsertProcessor(rules, options, budget), Named.as(Names.P_CONTACT_UPSERT),
                        accountStores);

        // A global store fed by a validating processor, not a globalTable: the global thread has no
        // dead-letter queue, and a globalTable restores raw bytes into the store without reading them.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.AGENT_STORE), KEYS,
                        StateSerdes.avro(Agent.class)).withLoggingDisabled(), Names.AGENTS,
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(Names.SRC_AGENTS)
                        .withTimestampExtractor(new RawRecordTime(times)),
                () -> new AgentRosterProcessor(format.serde(Agent.class), times, options.agentDeadLetters()));

        var outputs = Outputs.wire(fromTickets
                .merge(fromAccounts, Named.as(Names.P_MERGE_ACCOUNT_OUTPUTS))
                .merge(fromContacts, Named.as(Names.P_MERGE_CONTACT_OUTPUTS)), format);
        SlaMetricsWiring.wire(outputs.get(Names.P_OUTPUT_SPLIT + Names.BRANCH_SLA_EVENTS),
                outputs.get(Names.P_OUTPUT_SPLIT + Names.BRANCH_ESCALATIONS), format);
        return builder.build();
    }

    private static <V extends SpecificRecord> Consumed<String, V> consumed(Class<V> type, EdgeSerdes format, String name,
                                                                           RecordTimes times) {
        return Consumed.with(KEYS, format.serde(type)).withName(name)
                .withTimestampExtractor(new EventTimeExtractor(times));
    }

    private static <V> Repartitioned<String, V> repartitioned(String name, Serde<V> values, TopologyOptions options) {
        Repartitioned<String, V> r = Repartitioned.<String, V>as(name).withKeySerde(KEYS).withValueSerde(values);
        return options.partitions() == null ? r : r.withNumberOfPartitions(options.partitions());
    }

    private static void addStores(StreamsBuilder b, Duration dedupRetention) {
        b.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(Names.EVENT_ID_STORE, dedupRetention.multipliedBy(2), dedupRetention, false),
                KEYS, Serdes.Long()));
        keyValue(b, Names.TICKET_OWNER_STORE, StateSerdes.cbor(TicketOwner.class));
        keyValue(b, Names.CONTACT_OWNER_STORE, Serdes.String());
        keyValue(b, Names.EXEC_INDEX_OWNER_STORE, Serdes.String());
        keyValue(b, Names.ACCOUNT_STORE, StateSerdes.avro(Account.class));
        keyValue(b, Names.CONTACT_STORE, StateSerdes.avro(Contact.class));
        keyValue(b, Names.TICKET_STORE, StateSerdes.cbor(TicketState.class));
        keyValue(b, Names.OPEN_TICKETS_STORE, Serdes.Long());
        keyValue(b, Names.ACCOUNT_STATS_STORE, StateSerdes.cbor(AccountTicketStats.class));
        keyValue(b, Names.DEADLINE_STORE, Serdes.String());
        keyValue(b, Names.PENDING_SENTIMENT_STORE, StateSerdes.avro(SentimentEvent.class));
        keyValue(b, Names.ACCOUNT_SIGNALS_STORE, StateSerdes.cbor(AccountSignals.class));
        keyValue(b, Names.ACCOUNT_RISK_STORE, StateSerdes.cbor(RiskLevelTracker.class));
        keyValue(b, Names.WATERMARK_STORE, EventClock.SERDE);
        keyValue(b, Names.EVENT_ORDER_STORE, EventOrder.SERDE);
    }

    private static <V> void keyValue(StreamsBuilder b, String name, Serde<V> values) {
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), KEYS, values));
    }
}
