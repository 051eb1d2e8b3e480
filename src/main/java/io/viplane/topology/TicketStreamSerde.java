package io.viplane.topology;

import io.viplane.model.TicketEvent;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Values of the tickets-by-account repartition topic: ticket events (Avro single-object frames) and the
 * {@link Watermark}s sent behind them. One topic for both, because a mark is only true of the records
 * that precede it in the same partition.
 */
final class TicketStreamSerde implements Serde<Object> {
    private final Serde<TicketEvent> events = StateSerdes.avro(TicketEvent.class);

    @Override
    public Serializer<Object> serializer() {
        Serializer<TicketEvent> inner = events.serializer();
        return (topic, v) -> v instanceof Watermark w ? w.encode() : inner.serialize(topic, (TicketEvent) v);
    }

    @Override
    public Deserializer<Object> deserializer() {
        Deserializer<TicketEvent> inner = events.deserializer();
        return (topic, b) -> Watermark.isMark(b) ? Watermark.decode(b) : inner.deserialize(topic, b);
    }
}
