package io.viplane.topology;

import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Values of the tickets-by-account repartition topic: ticket events (Avro single-object frames), NLP scores
 * (tagged frames) and the {@link Watermark}s sent behind them. One topic for all, because a mark is only
 * true of the records that precede it in the same partition.
 */
final class TicketStreamSerde implements Serde<Object> {
    /** First byte of an NLP score; ticket events (Avro single-object frames) start with 0xC3, marks with 'W'. */
    static final byte SENTIMENT_TAG = 'S';
    private final Serde<TicketEvent> events = StateSerdes.avro(TicketEvent.class);
    private final Serde<SentimentEvent> scores = StateSerdes.avro(SentimentEvent.class);

    @Override
    public Serializer<Object> serializer() {
        Serializer<TicketEvent> inner = events.serializer();
        Serializer<SentimentEvent> score = scores.serializer();
        return (topic, v) -> {
            if (v instanceof Watermark w) {
                return w.encode();
            }
            if (v instanceof SentimentEvent e) {
                byte[] body = score.serialize(topic, e);
                byte[] out = new byte[body.length + 1];
                out[0] = SENTIMENT_TAG;
                System.arraycopy(body, 0, out, 1, body.length);
                return out;
            }
            return inner.serialize(topic, (TicketEvent) v);
        };
    }

    @Override
    public Deserializer<Object> deserializer() {
        Deserializer<TicketEvent> inner = events.deserializer();
        Deserializer<SentimentEvent> score = scores.deserializer();
        return (topic, b) -> {
            if (Watermark.isMark(b)) {
                return Watermark.decode(b);
            }
            if (b != null && b.length > 0 && b[0] == SENTIMENT_TAG) {
                return score.deserialize(topic, java.util.Arrays.copyOfRange(b, 1, b.length));
            }
            return inner.deserialize(topic, b);
        };
    }
}
