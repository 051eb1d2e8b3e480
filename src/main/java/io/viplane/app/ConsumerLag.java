package io.viplane.app;

import io.viplane.topology.InputLag;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@link InputLag} from the {@code records-lag} metric of the Streams instance's own consumers: how many
 * records of a partition were still on the broker at the last fetch. Read at most every
 * {@link #REFRESH_MS}, since every ticket-partition task asks several times a second.
 */
final class ConsumerLag implements InputLag {
    static final long REFRESH_MS = 100;
    private volatile KafkaStreams streams;
    private volatile Map<String, Long> snapshot = Map.of();
    private volatile long readAtMs;

    void attach(KafkaStreams s) {
        this.streams = s;
    }

    @Override
    public OptionalLong of(String topic, int partition) {
        long now = System.currentTimeMillis();
        if (now - readAtMs >= REFRESH_MS) {
            snapshot = read();
            readAtMs = now;
        }
        Long lag = snapshot.get(topic + '-' + partition);
        return lag == null ? OptionalLong.empty() : OptionalLong.of(lag);
    }

    private Map<String, Long> read() {
        KafkaStreams s = streams;
        Map<String, Long> out = new HashMap<>();
        if (s == null) {
            return out;
        }
        for (Map.Entry<MetricName, ? extends Metric> e : s.metrics().entrySet()) {
            MetricName n = e.getKey();
            if (!n.name().equals("records-lag") || !n.group().equals("consumer-fetch-manager-metrics")) {
                continue;
            }
            String topic = n.tags().get("topic");
            String partition = n.tags().get("partition");
            if (topic == null || partition == null || !(e.getValue().metricValue() instanceof Double d) || d.isNaN()) {
                continue;
            }
            out.merge(topic + '-' + partition, d.longValue(), Math::max);
        }
        return out;
    }
}
