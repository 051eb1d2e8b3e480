package io.viplane.codec;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for one contract value type in the configured edge format. */
public final class ContractSerde<T extends SpecificRecord> implements Serde<T> {
    private final Codec<T> codec;
    private final RegistryAvroCodec<T> registryCodec;
    private final RangeValidator validator;

    private ContractSerde(Codec<T> codec, RegistryAvroCodec<T> registryCodec, RangeValidator validator) {
        this.codec = codec;
        this.registryCodec = registryCodec;
        this.validator = validator;
    }

    /** JSON or Avro single-object; {@link Format#AVRO_REGISTRY} needs a registry: {@link EdgeSerdes}. */
    public static <T extends SpecificRecord> ContractSerde<T> of(Class<T> type, Format format) {
        if (format == Format.AVRO_REGISTRY) {
            throw new IllegalArgumentException("the avro-registry format needs a schema registry (use EdgeSerdes)");
        }
        Codec<T> codec = format == Format.AVRO ? new AvroCodec<>(type) : new JsonCodec<>(type);
        // JSON checks ranges while reading; Avro bytes need the same check after decoding.
        return new ContractSerde<>(codec, null, format == Format.AVRO ? new RangeValidator() : null);
    }

    /** Confluent wire format; the subject depends on the topic, hence no topic-free {@link Codec}. */
    public static <T extends SpecificRecord> ContractSerde<T> registry(RegistryAvroCodec<T> codec) {
        return new ContractSerde<>(null, codec, new RangeValidator());
    }

    /** The topic-free codec of the JSON and Avro formats; null for avro-registry. */
    public Codec<T> codec() {
        return codec;
    }

    @Override
    public Serializer<T> serializer() {
        if (registryCodec != null) {
            return (topic, value) -> value == null ? null : registryCodec.encode(topic, value);
        }
        return (topic, value) -> value == null ? null : codec.encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            T value = registryCodec != null ? registryCodec.decode(bytes) : codec.decode(bytes);
            if (value != null && validator != null) {
                validator.check(value);
            }
            return value;
        };
    }
}
