package io.viplane.topology;

import io.viplane.codec.Format;
import io.viplane.sla.SlaTimeResolver;
import java.time.Duration;

/**
 * How the topology is built (not what it decides: that is the policy).
 *
 * @param partitions partitions of internal repartition topics; null inherits from the input topic.
 *                   Must equal the partition count of {@code crm.accounts} (co-partitioning).
 * @param dedupRetention how long an {@code event_id} is remembered to drop its duplicates
 * @param slaTimes how SLA minutes are counted; null means the policy's calendars
 */
public record TopologyOptions(Format format, Integer partitions, Duration dedupRetention, SlaTimeResolver slaTimes) {

    public static TopologyOptions defaults() {
        return new TopologyOptions(Format.JSON, null, Duration.ofDays(7), null);
    }

    public TopologyOptions withFormat(Format f) {
        return new TopologyOptions(f, partitions, dedupRetention, slaTimes);
    }

    public TopologyOptions withPartitions(Integer p) {
        return new TopologyOptions(format, p, dedupRetention, slaTimes);
    }

    public TopologyOptions withSlaTimes(SlaTimeResolver s) {
        return new TopologyOptions(format, partitions, dedupRetention, s);
    }
}
