package io.viplane.topology;

import io.viplane.codec.EdgeSerdes;
import io.viplane.model.Escalation;
import io.viplane.model.SlaEvent;
import io.viplane.model.SlaWindowMetrics;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * {@code support.sla.metrics}: per tier and per hour / day tumbling window (event time), tickets,
 * first-response average and p90, attainment, breaches and escalations, queryable from the window
 * stores. SLA traffic is small (a few events per ticket), so all tiers meet on one key, which lets
 * the VIP-versus-standard gap be computed inside one aggregate.
 */
final class SlaMetricsWiring {
    static final String ALL_TIERS = "all-tiers";
    /** SLA events are stamped with their threshold instants, so they arrive a little out of order. */
    static final Duration GRACE = Duration.ofHours(1);

    private SlaMetricsWiring() {
    }

    static void wire(KStream<String, SpecificRecord> slaEvents, KStream<String, SpecificRecord> escalations,
                     EdgeSerdes format) {
        KGroupedStream<String, SpecificRecord> all = slaEvents
                .merge(escalations, Named.as(Names.P_SLA_METRICS + "-merge"))
                .selectKey((k, v) -> ALL_TIERS, Named.as(Names.P_SLA_METRICS + "-key"))
                .groupByKey(Grouped.<String, SpecificRecord>as(Names.SLA_METRICS_BY_TIER)
                        .withKeySerde(Serdes.String()).withValueSerde(new InternalRecordSerde()));
        window(all, "HOUR", Duration.ofHours(1), Names.SLA_METRICS_HOURLY_STORE, format);
        window(all, "DAY", Duration.ofDays(1), Names.SLA_METRICS_DAILY_STORE, format);
    }

    private static void window(KGroupedStream<String, SpecificRecord> all, String label, Duration size,
                               String store, EdgeSerdes format) {
        all.windowedBy(TimeWindows.ofSizeAndGrace(size, GRACE))
                .aggregate(SlaBoard::new, (k, v, board) -> board.add(v), Named.as(store + "-aggregate"),
                        Materialized.<String, SlaBoard, WindowStore<Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String()).withValueSerde(StateSerdes.cbor(SlaBoard.class)))
                .toStream(Named.as(store + "-changes"))
                .flatMap((w, board) -> board.records(label, w.window().startTime(), w.window().endTime()).stream()
                        .map(r -> KeyValue.pair(r.getTier().toString(), r)).toList(), Named.as(store + "-per-tier"))
                .to(Names.SLA_METRICS, Produced.with(Serdes.String(), format.serde(SlaWindowMetrics.class))
                        .withName(store + "-sink"));
    }

    /** SLA events and escalations on the internal repartition topic: a type byte, then Avro. */
    static final class InternalRecordSerde implements org.apache.kafka.common.serialization.Serde<SpecificRecord> {
        private final org.apache.kafka.common.serialization.Serde<SlaEvent> sla = StateSerdes.avro(SlaEvent.class);
        private final org.apache.kafka.common.serialization.Serde<Escalation> esc = StateSerdes.avro(Escalation.class);

        @Override
        public org.apache.kafka.common.serialization.Serializer<SpecificRecord> serializer() {
            return (topic, v) -> {
                if (v == null) {
                    return null;
                }
                byte[] body = v instanceof SlaEvent s ? sla.serializer().serialize(topic, s)
                        : esc.serializer().serialize(topic, (Escalation) v);
                byte[] out = new byte[body.length + 1];
                out[0] = (byte) (v instanceof SlaEvent ? 'S' : 'E');
                System.arraycopy(body, 0, out, 1, body.length);
                return out;
            };
        }

        @Override
        public org.apache.kafka.common.serialization.Deserializer<SpecificRecord> deserializer() {
            return (topic, b) -> {
                if (b == null) {
                    return null;
                }
                byte[] body = java.util.Arrays.copyOfRange(b, 1, b.length);
                return b[0] == 'S' ? sla.deserializer().deserialize(topic, body)
                        : esc.deserializer().deserialize(topic, body);
            };
        }
    }
}
