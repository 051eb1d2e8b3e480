package io.viplane.codec;

import io.viplane.codec.registry.RegistryClient;
import io.viplane.codec.registry.RegistrySettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * The edge serdes of one application: the format plus, for avro-registry, one registry client shared
 * by every topic, so its caches serve the whole topology (and one HTTP client is opened, not ten).
 */
public final class EdgeSerdes {
    private final Format format;
    private final RegistryClient registry;
    private final Map<Class<?>, RegistryAvroCodec<?>> registryCodecs = new ConcurrentHashMap<>();

    private EdgeSerdes(Format format, RegistryClient registry) {
        this.format = format;
        this.registry = registry;
    }

    /** @param registry required for {@link Format#AVRO_REGISTRY}, ignored otherwise */
    public static EdgeSerdes of(Format format, RegistrySettings registry) {
        if (format == Format.AVRO_REGISTRY) {
            if (registry == null) {
                throw new IllegalArgumentException("--format avro-registry needs --schema-registry-url (schema.registry.url)");
            }
            return new EdgeSerdes(format, new RegistryClient(registry));
        }
        return new EdgeSerdes(format, null);
    }

    public static EdgeSerdes of(Format format, RegistryClient registry) {
        return new EdgeSerdes(format, format == Format.AVRO_REGISTRY ? registry : null);
    }

    public Format format() {
        return format;
    }

    /** The registry client, or null when the format has none. */
    public RegistryClient registry() {
        return registry;
    }

    public <T extends SpecificRecord> ContractSerde<T> serde(Class<T> type) {
        return format == Format.AVRO_REGISTRY ? ContractSerde.registry(registryCodec(type)) : ContractSerde.of(type, format);
    }

    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> RegistryAvroCodec<T> registryCodec(Class<T> type) {
        if (registry == null) {
            throw new IllegalStateException("format " + format.cliName() + " has no schema registry");
        }
        return (RegistryAvroCodec<T>) registryCodecs.computeIfAbsent(type, t -> new RegistryAvroCodec<>(type, registry));
    }
}
