package io.viplane.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.viplane.admission.DeadLetter;
import io.viplane.admission.DeadLetterSink;
import io.viplane.topology.RunnablePolicy;
import io.viplane.topology.StreamsSettings;
import io.viplane.topology.TopologyOptions;
import io.viplane.topology.ViplaneTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The production topology, built as {@code viplane run} builds it, in a {@link TopologyTestDriver} whose
 * wall clock is the simulation's clock: the SLA timers fire as simulated time passes, not as the machine's.
 */
final class TopologyRig implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<String, byte[]>> outputs = new HashMap<>();
    private final List<DeadLetter> agentDeadLetters = new ArrayList<>();
    private Instant now;

    TopologyRig(RunnablePolicy policy, Instant start) {
        try {
            stateDir = Files.createTempDirectory("viplane-simulate");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = StreamsSettings.base("viplane-simulate", "unused:9092", stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        TopologyOptions options = TopologyOptions.defaults()
                .withSlaTimes(policy.slaTimes())
                .withAgentDeadLetters(configs -> new DeadLetterSink() {
                    @Override
                    public void send(DeadLetter letter) {
                        agentDeadLetters.add(letter);
                    }

                    @Override
                    public void close() {
                    }
                });
        driver = new TopologyTestDriver(ViplaneTopology.build(policy.policy(), options), props, start);
        now = start;
    }

    Instant now() {
        return now;
    }

    /** Moves the clock to {@code to}, firing every timer due on the way. */
    void advanceTo(Instant to) {
        if (to.isAfter(now)) {
            driver.advanceWallClockTime(Duration.between(now, to));
            now = to;
        }
    }

    void send(String topic, String key, JsonNode value, Instant at) {
        inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t, new StringSerializer(), new ByteArraySerializer()))
                .pipeInput(key, value.toString().getBytes(StandardCharsets.UTF_8), at);
    }

    /** What the topic received since the last read, as JSON. */
    List<JsonNode> read(String topic) {
        List<JsonNode> out = new ArrayList<>();
        for (var r : outputs.computeIfAbsent(topic,
                t -> driver.createOutputTopic(t, new StringDeserializer(), new ByteArrayDeserializer())).readRecordsToList()) {
            if (r.value() != null) {
                try {
                    out.add(JSON.readTree(r.value()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /** How many records the topic received since the last read (dead letters are not JSON). */
    int count(String topic) {
        return outputs.computeIfAbsent(topic,
                t -> driver.createOutputTopic(t, new StringDeserializer(), new ByteArrayDeserializer())).readRecordsToList().size();
    }

    int agentDeadLetters() {
        return agentDeadLetters.size();
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
