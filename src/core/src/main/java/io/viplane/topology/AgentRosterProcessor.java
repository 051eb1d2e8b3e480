package io.viplane.topology;

import io.viplane.admission.DeadLetter;
import io.viplane.admission.DeadLetterSink;
import io.viplane.admission.InputKeys;
import io.viplane.admission.RecordTimes;
import io.viplane.model.Agent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global {@code agents} store from {@code support.agents}, reading raw bytes so that nothing can
 * fail before it has looked at the record. Only a valid agent (readable, keyed by its {@code agent_id},
 * a record time the pipeline accepts) enters the store; anything else is a dead letter and removes the
 * key's previous value, so the roster is the same whether or not the topic has been compacted since (the
 * latest record of a key decides). A tombstone deletes whatever the key held, valid or not.
 *
 * <p>Kafka Streams runs this processor again when it restores the store (addGlobalStore re-processes on
 * restore), so a bad record never reaches the store through a restore either.
 */
final class AgentRosterProcessor implements Processor<byte[], byte[], Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger("io.viplane.dlq");

    private final Deserializer<Agent> agents;
    private final RecordTimes times;
    private final DeadLetterSink.Factory sinks;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, Agent> store;
    private DeadLetterSink sink;

    AgentRosterProcessor(Serde<Agent> edge, RecordTimes times, DeadLetterSink.Factory sinks) {
        this.agents = edge.deserializer();
        this.times = times;
        this.sinks = sinks;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(Names.AGENT_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        try {
            if (record.value() == null) {
                InputKeys.check("agent_id", key, null, true);
                store.delete(key);
                return;
            }
            Agent agent = agents.deserialize(Names.AGENTS, record.value());
            InputKeys.check("agent_id", key, agent.getAgentId(), false);
            times.check("updated_at", agent.getUpdatedAt(), context.currentSystemTimeMs());
            store.put(key, agent);
        } catch (RuntimeException e) {
            if (key != null) {
                store.delete(key);
            }
            deadLetter(record, e);
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException e) {
        RecordMetadata md = context.recordMetadata().orElse(null);
        String topic = md == null ? Names.AGENTS : md.topic();
        int partition = md == null ? -1 : md.partition();
        long offset = md == null ? -1 : md.offset();
        LOG.warn("dead-lettered agent record {}-{}@{}: {}", topic, partition, offset, e.getMessage());
        if (sink == null) {
            sink = sinks.create(context.appConfigs());
        }
        sink.send(DeadLetter.of(topic, partition, offset, record.key(), record.value(), e));
    }

    @Override
    public void close() {
        if (sink != null) {
            sink.close();
        }
    }
}
