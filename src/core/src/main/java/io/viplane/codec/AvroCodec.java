package io.viplane.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro's single-object encoding: {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of the
 * writer schema, then the binary body. No registry: readers resolve the fingerprint against the
 * schemas bundled with the application (and any older versions registered in the store).
 */
public final class AvroCodec<T extends SpecificRecord> implements Codec<T> {
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final Schema schema;

    public AvroCodec(Class<T> type) {
        this(type, null);
    }

    public AvroCodec(Class<T> type, SchemaStore olderSchemas) {
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, olderSchemas);
    }

    @Override
    public byte[] encode(T value) {
        try {
            ByteBuffer buf = encoder.encode(value);
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (IOException | AvroRuntimeException | NullPointerException e) {
            throw new IllegalStateException("cannot encode " + schema.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (BadHeaderException e) {
            throw new InvalidRecordException("", "not Avro single-object encoded (bad header)", e);
        } catch (MissingSchemaException e) {
            throw new InvalidRecordException("", "unknown writer schema fingerprint for " + schema.getName(), e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRecordException("", "corrupt Avro body for " + schema.getName(), e);
        }
    }
}
