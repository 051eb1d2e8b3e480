package io.viplane.codec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;

/** One codec per contract type and format: building one resolves schemas, so tools reuse them per record. */
public final class Codecs {
    private static final Map<Class<?>, JsonCodec<?>> JSON = new ConcurrentHashMap<>();
    private static final Map<Class<?>, AvroCodec<?>> AVRO = new ConcurrentHashMap<>();

    private Codecs() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> JsonCodec<T> json(Class<T> type) {
        return (JsonCodec<T>) JSON.computeIfAbsent(type, t -> new JsonCodec<>(type));
    }

    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> AvroCodec<T> avro(Class<T> type) {
        return (AvroCodec<T>) AVRO.computeIfAbsent(type, t -> new AvroCodec<>(type));
    }
}
