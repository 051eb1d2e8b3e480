package io.viplane.topology;

import java.util.OptionalLong;

/**
 * Records of an input partition not yet processed and committed by this instance.
 * Kafka Streams does not show a processor how far behind its input is; the application supplies this
 * from its task metadata. Empty when unknown (not fetched yet, not assigned here).
 */
@FunctionalInterface
public interface InputLag {
    /** Nothing is ever behind: records piped into a {@code TopologyTestDriver} are processed at once. */
    InputLag NONE = (topic, partition) -> OptionalLong.of(0);

    OptionalLong of(String topic, int partition);
}
