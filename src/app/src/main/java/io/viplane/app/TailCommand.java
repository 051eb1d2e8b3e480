package io.viplane.app;

import io.viplane.codec.EdgeSerdes;
import io.viplane.codec.Codecs;
import io.viplane.codec.Format;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a topic as {@code key<TAB>value-as-JSON}, decoding Avro when the format is Avro. */
@Command(name = "tail", description = "Print a topic's records as key<TAB>value (Avro decoded to JSON) and headers.")
final class TailCommand extends KafkaCommand {
    @Parameters(index = "0", paramLabel = "TOPIC", description = "the topic to read")
    String topic;

    @Option(names = "--from-beginning", description = "start at the earliest offset (default: only new records)")
    boolean fromBeginning;

    @Option(names = "--max-messages", paramLabel = "N", description = "stop after N records (default: no limit)")
    long max = Long.MAX_VALUE;

    @Option(names = "--timeout-ms", paramLabel = "MS",
            description = "stop after MS milliseconds without a record (default: never)")
    long timeoutMs = Long.MAX_VALUE;

    @Mixin
    Options.Format formatOption;

    @Override
    protected int execute(AppConfig config) {
        EdgeSerdes format = config.edgeSerdes();
        long[] printed = {0};
        consume(config, List.of(topic), fromBeginning, timeoutMs, max, r -> {
            out().println(r.key() + "\t" + render(topic, r.value(), format) + headers(r));
            printed[0]++;
        });
        return 0;
    }

    /** Polls until {@code max} records or {@code idleTimeoutMs} without a record. */
    static void consume(AppConfig config, List<String> topics, boolean fromBeginning, long idleTimeoutMs, long max,
                        Consumer<ConsumerRecord<String, byte[]>> sink) {
        Properties p = config.kafka();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "viplane-tail-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long seen = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            long idleSince = System.currentTimeMillis();
            while (seen < max && System.currentTimeMillis() - idleSince < idleTimeoutMs) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    idleSince = System.currentTimeMillis();
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (seen++ >= max) {
                        break;
                    }
                    sink.accept(r);
                }
            }
        }
    }

    static String render(String topic, byte[] value, EdgeSerdes format) {
        if (value == null) {
            return "null";
        }
        TopicTypes.Type type = TopicTypes.BY_TOPIC.get(topic);
        if (format.format() != Format.JSON && type != null) {
            return avroAsJson(topic, type.valueClass(), value, format);
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static <T extends SpecificRecord> String avroAsJson(String topic, Class<T> type, byte[] value, EdgeSerdes format) {
        try {
            T decoded = format.format() == Format.AVRO ? Codecs.avro(type).decode(value)
                    : format.serde(type).deserializer().deserialize(topic, value);
            return new String(Codecs.json(type).encode(decoded), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return "<undecodable: " + e.getMessage() + ">";
        }
    }

    private static String headers(ConsumerRecord<String, byte[]> r) {
        StringBuilder sb = new StringBuilder();
        for (Header h : r.headers()) {
            if (!h.key().endsWith("stacktrace")) {
                sb.append("\t").append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
