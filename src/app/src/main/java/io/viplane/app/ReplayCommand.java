package io.viplane.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.viplane.codec.EdgeSerdes;
import io.viplane.codec.Codecs;
import io.viplane.codec.Format;
import io.viplane.codec.InvalidRecordException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Publishes contract events from JSON Lines. Each line is {@code {"topic": ..., "key": ..., "value": {...}}},
 * or a bare value whose fields imply its topic; the key defaults to the contract key field. A line
 * with {@code "raw": "text"} sends the text as it is (how the demo shows the dead-letter queue).
 */
@Command(name = "replay", description = {"Publish contract events from JSON Lines: each line {\"topic\":..., "
        + "\"key\":..., \"value\":{...}}, or a bare value whose fields imply its topic; \"raw\":\"...\" sends "
        + "the text as it is."})
final class ReplayCommand extends KafkaCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "the events to publish")
    Path file;

    @Mixin
    Options.Format formatOption;

    @Override
    protected int execute(AppConfig config) {
        EdgeSerdes format = config.edgeSerdes();
        Properties p = config.kafka();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        int sent = 0;
        int skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    producer.send(toRecord(JSON.readTree(line), format));
                    sent++;
                } catch (IOException | InvalidRecordException | IllegalArgumentException e) {
                    err().println("line " + lineNo + " skipped: " + e.getMessage());
                    skipped++;
                }
            }
            producer.flush();
        } catch (IOException e) {
            err().println("viplane replay: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        out().println("replayed " + sent + " records from " + file + (skipped > 0 ? ", skipped " + skipped : ""));
        return skipped > 0 ? 1 : 0;
    }

    static ProducerRecord<String, byte[]> toRecord(JsonNode line, EdgeSerdes format) {
        JsonNode value = line.has("value") || line.has("raw") ? line.get("value") : line;
        String topic = line.hasNonNull("topic") ? line.get("topic").asText()
                : value == null ? null : TopicTypes.inferTopic(value);
        TopicTypes.Type type = TopicTypes.BY_TOPIC.get(topic);
        if (type == null) {
            throw new IllegalArgumentException("unknown or missing topic");
        }
        String key = line.hasNonNull("key") ? line.get("key").asText()
                : value != null && value.hasNonNull(type.keyField()) ? value.get(type.keyField()).asText() : null;
        if (key == null) {
            throw new IllegalArgumentException("no key: give \"key\" or the field " + type.keyField());
        }
        if (line.hasNonNull("raw")) {
            return new ProducerRecord<>(topic, key, line.get("raw").asText().getBytes(StandardCharsets.UTF_8));
        }
        if (value == null || value.isNull()) {
            return new ProducerRecord<>(topic, key, null);
        }
        return new ProducerRecord<>(topic, key, encode(topic, type.valueClass(), value, format));
    }

    private static <T extends SpecificRecord> byte[] encode(String topic, Class<T> type, JsonNode value, EdgeSerdes format) {
        T decoded = Codecs.json(type).fromTree(value);
        // JSON is sent as written (unknown extra fields are part of the contract's forward compatibility).
        return switch (format.format()) {
            case AVRO -> Codecs.avro(type).encode(decoded);
            case AVRO_REGISTRY -> format.serde(type).serializer().serialize(topic, decoded);
            case JSON -> value.toString().getBytes(StandardCharsets.UTF_8);
        };
    }
}
