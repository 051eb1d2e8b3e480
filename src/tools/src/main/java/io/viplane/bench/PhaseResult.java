package io.viplane.bench;

/**
 * What one topology achieved in the routing scenario.
 *
 * @param throughputEvents events of the max-rate pass
 * @param eventsPerSecond  those events divided by the time from the first send to the last matched output
 * @param cpuNanosPerEvent CPU time of the application's threads during the max-rate pass, per event; -1 if unknown
 * @param latencyRate      the paced rate of the latency pass (events/s), the same for every topology
 * @param latencyNanos     publish → consumed output, over the latency pass's matched outputs
 * @param stateBytes       the application's state folder after a clean close
 * @param complete         every awaited output arrived within the time limits
 * @param rebalances       times the application left RUNNING during the phase (0 in a healthy run)
 */
record PhaseResult(String name, int throughputEvents, double eventsPerSecond, long cpuNanosPerEvent, int latencySent, int latencyMatched,
                   double latencyRate, Percentiles.Summary latencyNanos, HeapSampler.Peak peak, long stateBytes,
                   boolean complete, int rebalances) {
}
