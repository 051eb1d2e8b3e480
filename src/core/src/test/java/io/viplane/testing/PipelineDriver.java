package io.viplane.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.admission.DeadLetter;
import io.viplane.admission.DeadLetterSink;
import io.viplane.admission.RecordTimes;
import io.viplane.topology.StreamsSettings;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyLoader;
import io.viplane.topology.Names;
import io.viplane.topology.TopologyOptions;
import io.viplane.topology.ViplaneTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The whole topology in a {@link TopologyTestDriver}, fed and read as raw JSON, like a user would. */
public final class PipelineDriver implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-01-16T12:00:00Z");

    /** START plus the given minutes, as the ISO string the JSON inputs carry. */
    public static String at(int minutes) {
        return START.plus(java.time.Duration.ofMinutes(minutes)).toString();
    }

    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<String, byte[]>> outputs = new HashMap<>();
    private long wallClockAdvancedMs;
    private final List<DeadLetter> agentDeadLetters = new java.util.concurrent.CopyOnWriteArrayList<>();

    public PipelineDriver() {
        this(PolicyLoader.load("white-glove").policy(), TopologyOptions.defaults());
    }

    public PipelineDriver(Policy policy, TopologyOptions options) {
        Properties props;
        try {
            props = StreamsSettings.base("viplane-test", "unused:9092",
                    Files.createTempDirectory("viplane-ttd").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        // The scenarios' events run hours into START's day while the driver's wall clock stays at START
        // unless a test moves it: the shipped 15-minute limit would refuse them. Tests of the limit set it.
        TopologyOptions o = options.maxFutureSkew() == RecordTimes.DEFAULT_MAX_AHEAD // the shared default, not one a test set
                ? options.withMaxFutureSkew(java.time.Duration.ofHours(24)) : options;
        // The agents store's updater has its own producer (see AgentRosterProcessor); here it writes to a list.
        o = o.withAgentDeadLetters(configs -> new DeadLetterSink() {
            @Override
            public void send(DeadLetter letter) {
                agentDeadLetters.add(letter);
            }

            @Override
            public void close() {
            }
        });
        driver = new TopologyTestDriver(ViplaneTopology.build(policy, o), props, START);
    }

    /** Dead letters of {@code support.agents} (the global store's updater does not use the DLQ topic). */
    public List<DeadLetter> agentDeadLetters() {
        return agentDeadLetters;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public void send(String topic, String key, JsonNode value) {
        sendRaw(topic, key, value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(String topic, String key, byte[] value) {
        inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t, new StringSerializer(), new ByteArraySerializer()))
                .pipeInput(key, value);
    }

    public void account(JsonNode a) {
        send(Names.ACCOUNTS, a.get("account_id").asText(), a);
    }

    public void contact(JsonNode c) {
        send(Names.CONTACTS, c.get("contact_id").asText(), c);
    }

    public void ticket(JsonNode t) {
        send(Names.TICKETS, t.get("ticket_id").asText(), t);
    }

    public void sentiment(JsonNode s) {
        send(Names.SENTIMENT, s.get("ticket_id").asText(), s);
    }

    public void agent(JsonNode a) {
        send(Names.AGENTS, a.get("agent_id").asText(), a);
    }

    /** Moves the driver's wall clock on, firing wall-clock timers (SLA deadlines) on the way. */
    public void advance(java.time.Duration d) {
        wallClockAdvancedMs += d.toMillis();
        driver.advanceWallClockTime(d);
    }

    public Instant wallClock() {
        return START.plusMillis(wallClockAdvancedMs);
    }

    /** Everything emitted on the topic since the last read, as JSON trees (null for tombstones). */
    public List<JsonNode> read(String topic) {
        List<JsonNode> out = new ArrayList<>();
        for (TestRecord<String, byte[]> r : readRecords(topic)) {
            out.add(r.value() == null ? null : Json.parse(new String(r.value(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    public List<TestRecord<String, byte[]>> readRecords(String topic) {
        return outputs.computeIfAbsent(topic,
                t -> driver.createOutputTopic(t, new StringDeserializer(), new ByteArrayDeserializer()))
                .readRecordsToList();
    }

    public static String header(Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
