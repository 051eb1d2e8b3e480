package io.viplane.app;

import io.viplane.topology.InputLag;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * {@link InputLag} from the Streams instance's own task metadata: a partition's end offset (as its consumer
 * last fetched it) less the offset its task has committed. Committed, not fetched: a fetch that brought
 * a partition's whole backlog into memory leaves nothing on the broker, yet none of it is processed.
 * Read at most every {@link #REFRESH_MS}, since every ticket-partition task asks several times a second.
 */
final class ConsumerLag implements InputLag {
    static final long REFRESH_MS = 100;
    private volatile KafkaStreams streams;
    private volatile Map<TopicPartition, Long> snapshot = Map.of();
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
        Long lag = snapshot.get(new TopicPartition(topic, partition));
        return lag == null ? OptionalLong.empty() : OptionalLong.of(lag);
    }

    private Map<TopicPartition, Long> read() {
        KafkaStreams s = streams;
        Map<TopicPartition, Long> out = new HashMap<>();
        if (s == null) {
            return out;
        }
        for (ThreadMetadata thread : s.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                task.endOffsets().forEach((tp, end) -> {
                    Long committed = task.committedOffsets().get(tp);
                    if (end != null && end >= 0 && (end == 0 || (committed != null && committed >= 0))) {
                        out.put(tp, Math.max(0, end - (committed == null || committed < 0 ? 0 : committed)));
                    }
                });
            }
        }
        return out;
    }
}
