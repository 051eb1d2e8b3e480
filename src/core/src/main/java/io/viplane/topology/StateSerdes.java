package io.viplane.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.viplane.codec.AvroCodec;
import java.io.IOException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes for internal state and internal topics. State objects are CBOR (compact, and tolerant of
 * added fields, so a new version can read old state); contract records inside the pipeline are
 * always Avro single-object encoded, whatever the edge format.
 */
public final class StateSerdes {
    static final ObjectMapper CBOR = CBORMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StateSerdes() {
    }

    public static <T> Serde<T> cbor(Class<T> type) {
        return Serdes.serdeFrom((topic, v) -> {
            try {
                return v == null ? null : CBOR.writeValueAsBytes(v);
            } catch (IOException e) {
                throw new SerializationException("cannot write state " + type.getSimpleName(), e);
            }
        }, (topic, b) -> {
            try {
                return b == null ? null : CBOR.readValue(b, type);
            } catch (IOException e) {
                throw new SerializationException("cannot read state " + type.getSimpleName(), e);
            }
        });
    }

    public static <T extends SpecificRecord> Serde<T> avro(Class<T> type) {
        AvroCodec<T> codec = new AvroCodec<>(type);
        return Serdes.serdeFrom((topic, v) -> v == null ? null : codec.encode(v),
                (topic, b) -> codec.decode(b));
    }
}
