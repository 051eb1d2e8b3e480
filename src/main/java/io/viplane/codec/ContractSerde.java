package io.viplane.codec;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for one contract value type in the configured edge format. */
public final class ContractSerde<T extends SpecificRecord> implements Serde<T> {
    private final Codec<T> codec;
    private final RangeValidator validator;

    private ContractSerde(Codec<T> codec, RangeValidator validator) {
        this.codec = codec;
        this.validator = validator;
    }

    public static <T extends SpecificRecord> ContractSerde<T> of(Class<T> type, Format format) {
        Codec<T> codec = format == Format.AVRO ? new AvroCodec<>(type) : new JsonCodec<>(type);
        // JSON checks ranges while reading; Avro bytes need the same check after decoding.
        return new ContractSerde<>(codec, format == Format.AVRO ? new RangeValidator() : null);
    }

    public Codec<T> codec() {
        return codec;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : codec.encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            T value = codec.decode(bytes);
            if (value != null && validator != null) {
                validator.check(value);
            }
            return value;
        };
    }
}
