package io.viplane.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a running pipeline has committed everything published to its inputs and its outputs have
 * stopped growing for a while: what a summary of "the outcome of this history" must wait for. Committed
 * offsets, not a guess from time: under exactly-once they move only with the outputs of what was read.
 * The outputs must also settle because a record read is not yet a clock fired (the ticket still crosses
 * to its account partition, and a clock fires when the watermark behind it arrives).
 */
public final class CatchUp {
    private static final long POLL_MS = 500;

    private CatchUp() {
    }

    /** @return null when caught up, else what was still outstanding when {@code max} ran out */
    static String await(Properties kafka, String groupId, List<String> inputs, List<String> outputs, Duration settle,
                        Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        try (Admin admin = Admin.create(kafka)) {
            List<TopicPartition> in = partitions(admin, inputs);
            List<TopicPartition> out = partitions(admin, outputs);
            Map<TopicPartition, Long> lastOut = Map.of();
            long stableSince = System.nanoTime();
            String behind = "nothing read yet";
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> outEnds = ends(admin, out);
                if (!outEnds.equals(lastOut)) {
                    lastOut = outEnds;
                    stableSince = System.nanoTime();
                }
                behind = behind(admin, groupId, in);
                if (behind == null && System.nanoTime() - stableSince >= settle.toNanos()) {
                    return null;
                }
                Thread.sleep(POLL_MS);
            }
            return behind == null ? "outputs still growing" : behind;
        } catch (ExecutionException e) {
            return "cannot read offsets: " + e.getCause().getMessage();
        }
    }

    /** Whether {@code groupId} has committed every record published so far to {@code topics} (those that exist). */
    public static boolean committedAll(Admin admin, String groupId, List<String> topics)
            throws ExecutionException, InterruptedException {
        return behind(admin, groupId, partitions(admin, topics)) == null;
    }

    /** The first input partition whose published records the group has not all committed, or null. */
    private static String behind(Admin admin, String groupId, List<TopicPartition> in)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        for (Map.Entry<TopicPartition, Long> e : ends(admin, in).entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            long done = c == null ? 0 : c.offset();
            if (done < e.getValue()) {
                return e.getKey() + " has " + (e.getValue() - done) + " records not yet committed by " + groupId;
            }
        }
        return null;
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<TopicPartition> tps)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> q = new HashMap<>();
        tps.forEach(tp -> q.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(q).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Partitions of the topics that exist (a pipeline without, say, agents has no such topic). */
    private static List<TopicPartition> partitions(Admin admin, List<String> topics)
            throws ExecutionException, InterruptedException {
        List<String> existing = new ArrayList<>(admin.listTopics().names().get());
        existing.retainAll(topics);
        List<TopicPartition> out = new ArrayList<>();
        for (TopicDescription d : admin.describeTopics(existing).allTopicNames().get().values()) {
            d.partitions().forEach(p -> out.add(new TopicPartition(d.name(), p.partition())));
        }
        return out;
    }
}
