package io.viplane.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
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
            // Same bytes, fewer reflective calls: a JFR profile of the routing benchmark put a quarter of
            // the stream threads' time in state (de)serialisation.
            .addModule(new BlackbirdModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** No forced root type: a value serialises as its own class, as writeValueAsBytes did. */
    private static final ObjectWriter WRITER = CBOR.writer();

    private StateSerdes() {
    }

    public static <T> Serde<T> cbor(Class<T> type) {
        ObjectReader reader = CBOR.readerFor(type); // resolved once, not per record
        return Serdes.serdeFrom((topic, v) -> {
            try {
                return v == null ? null : WRITER.writeValueAsBytes(v);
            } catch (IOException e) {
                throw new SerializationException("cannot write state " + type.getSimpleName(), e);
            }
        }, (topic, b) -> {
            try {
                return b == null ? null : reader.readValue(b);
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
