package io.viplane.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions composite keys ({@code account + \u0001 + id}) exactly as the default producer
 * partitioner would partition the bare account id, so they are co-partitioned with
 * {@code crm.accounts}.
 */
final class AccountPartitioner<V> implements StreamPartitioner<String, V> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        int sep = key.indexOf('\u0001');
        String account = sep < 0 ? key : key.substring(0, sep);
        byte[] bytes = account.getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(bytes)) % numPartitions));
    }
}
