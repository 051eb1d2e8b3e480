package io.viplane.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The account partition of every repartition topic the pipeline writes: the account id (the part of a
 * composite key {@code account + \u0001 + id} before the separator), hashed as the Java producer's
 * default partitioner hashes a key. All of an account's accounts, contacts, tickets and sentiment thus
 * meet on one partition whatever partitioner the outside producers used. A {@link Watermark} goes to
 * every partition.
 */
final class AccountPartitioner<V> implements StreamPartitioner<String, V> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        if (value instanceof Watermark) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
        }
        int sep = key.indexOf('\u0001');
        String account = sep < 0 ? key : key.substring(0, sep);
        byte[] bytes = account.getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(bytes)) % numPartitions));
    }
}
