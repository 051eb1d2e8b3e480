package io.viplane.codec;

import io.viplane.codec.registry.RegistryClient;
import io.viplane.codec.registry.RegistryException;
import io.viplane.codec.registry.RegistrySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro in the Confluent wire format with schemas held by a registry. Writing resolves the writer
 * schema's id once per topic under the subject {@code <topic>-value} (Confluent's TopicNameStrategy):
 * registered when {@code auto.register.schemas}, the subject's latest when {@code use.latest.version},
 * else looked up. Reading fetches the writer schema by id once and reads it as this application's
 * schema by Avro's resolution rules; an unknown id or a writer schema that cannot be resolved is an
 * {@link InvalidRecordException} (a dead letter) naming the id and the reason.
 */
public final class RegistryAvroCodec<T extends SpecificRecord> {
    private final RegistryClient registry;
    private final SpecificData model;
    private final Schema schema;
    private final Map<String, Writer> writers = new ConcurrentHashMap<>();
    private final Map<Integer, Reader<T>> readers = new ConcurrentHashMap<>();

    /** The id to frame with and, when it is not our own schema, the schema to convert to first. */
    private record Writer(int id, Schema convertTo) {
    }

    /** Either a resolving reader for an id or the reason it cannot be read. */
    private record Reader<T>(DatumReader<T> reader, String refusal, boolean cacheable) {
    }

    public RegistryAvroCodec(Class<T> type, RegistryClient registry) {
        this.registry = registry;
        this.model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
    }

    public static String subject(String topic) {
        return topic + "-value";
    }

    public Schema schema() {
        return schema;
    }

    public byte[] encode(String topic, T value) {
        Writer w = writers.computeIfAbsent(topic, this::resolveWriter);
        try {
            byte[] body = body(new SpecificDatumWriter<>(schema, model), schema, value);
            if (w.convertTo() != null) {
                // use.latest.version: our record, read as the latest schema, written with it.
                GenericDatumReader<Object> convert = new GenericDatumReader<>(schema, w.convertTo());
                Object asLatest = convert.read(null, DecoderFactory.get().binaryDecoder(body, null));
                body = body(new GenericDatumWriter<>(w.convertTo()), w.convertTo(), asLatest);
            }
            return ConfluentFrame.frame(w.id(), body);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot encode " + schema.getName() + ": " + e.getMessage(), e);
        }
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int id = ConfluentFrame.schemaId(bytes);
        Reader<T> r = readers.get(id);
        if (r == null) {
            r = resolveReader(id);
            if (r.cacheable()) {
                readers.put(id, r);
            }
        }
        if (r.refusal() != null) {
            throw new InvalidRecordException("", r.refusal());
        }
        try {
            return r.reader().read(null, DecoderFactory.get().binaryDecoder(bytes, ConfluentFrame.HEADER,
                    bytes.length - ConfluentFrame.HEADER, null));
        } catch (IOException | RuntimeException e) {
            throw new InvalidRecordException("", "corrupt Avro body for " + schema.getName() + " (schema id " + id + ")", e);
        }
    }

    private Writer resolveWriter(String topic) {
        String subject = subject(topic);
        RegistrySettings s = registry.settings();
        if (s.useLatestVersion()) {
            RegistryClient.Registered latest = registry.latest(subject);
            if (latest.schema().equals(schema)) {
                return new Writer(latest.id(), null);
            }
            var verdict = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
            if (s.latestCompatibilityStrict()
                    && verdict.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new IllegalStateException("the latest schema of subject " + subject + " (id " + latest.id()
                        + ", version " + latest.version() + ") cannot represent " + schema.getName() + ": "
                        + reason(verdict));
            }
            return new Writer(latest.id(), latest.schema());
        }
        if (s.autoRegister()) {
            try {
                return new Writer(registry.register(subject, schema), null);
            } catch (RegistryException e) {
                if (e.incompatible()) {
                    throw new IllegalStateException("the registry refused " + schema.getName() + " under subject "
                            + subject + " as incompatible with its earlier versions: " + e.getMessage(), e);
                }
                throw e;
            }
        }
        try {
            return new Writer(registry.lookup(subject, schema), null);
        } catch (RegistryException e) {
            if (e.notFound()) {
                throw new IllegalStateException(schema.getName() + " is not registered under subject " + subject
                        + " and auto.register.schemas is false (register it, e.g. with `viplane topics`)", e);
            }
            throw e;
        }
    }

    private Reader<T> resolveReader(int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (RegistryException e) {
            if (e.notFound()) {
                // Not cached: random ids in bad records must not grow memory.
                return new Reader<>(null, "unknown schema id " + id + ": the registry has no such schema", false);
            }
            return new Reader<>(null, "schema id " + id + " unusable: " + e.getMessage(), false);
        }
        var verdict = SchemaCompatibility.checkReaderWriterCompatibility(schema, writer);
        if (verdict.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return new Reader<>(null, "writer schema id " + id + " (" + writer.getFullName() + ") is incompatible with "
                    + schema.getFullName() + ": " + reason(verdict), true);
        }
        return new Reader<>(new SpecificDatumReader<>(writer, schema, model), null, true);
    }

    private static String reason(SchemaCompatibility.SchemaPairCompatibility verdict) {
        StringBuilder sb = new StringBuilder();
        for (var inc : verdict.getResult().getIncompatibilities()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(inc.getType()).append(" at ").append(inc.getLocation());
            if (inc.getMessage() != null && !inc.getMessage().isEmpty()) {
                sb.append(" (").append(inc.getMessage()).append(')');
            }
        }
        return sb.length() == 0 ? verdict.getDescription() : sb.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] body(org.apache.avro.io.DatumWriter writer, Schema s, Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(value, enc);
        enc.flush();
        return out.toByteArray();
    }
}
