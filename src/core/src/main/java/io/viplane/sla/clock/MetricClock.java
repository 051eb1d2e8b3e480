package io.viplane.sla.clock;

import io.viplane.model.SlaMetric;
import java.time.Instant;
import java.util.List;

/**
 * One cycle of one metric's clock as of {@code asOf}, recomputed from the ticket's facts.
 *
 * @param cycleStart when the cycle started; identifies the cycle
 * @param dueAt when the elapsed minutes reach the target given the pauses so far; null while
 *     paused and not yet due; for a MET or STOPPED cycle that ended in time, where it would have been
 * @param elapsedMinutes clock minutes counted so far (up to the met or stop instant), pauses excluded
 * @param metAt the instant the cycle was met, or null
 * @param stoppedAt the instant the cycle was stopped unmet (e.g. solved without a reply), or null
 * @param warningAts the instant each of {@code warningFractions} is reached, same order (null
 *     entries while paused and not yet reached)
 * @param warningMinutes the elapsed minutes of each warning threshold, same order
 * @param pauses the cycle's pause intervals, oldest first
 * @param asOf the instant this clock was evaluated at
 * @param metAfterBreach the policy's choice for a reply that arrives after its published breach
 */
public record MetricClock(
        SlaMetric metric,
        Instant cycleStart,
        Phase phase,
        Instant dueAt,
        long targetMinutes,
        long elapsedMinutes,
        Instant metAt,
        Instant stoppedAt,
        List<Double> warningFractions,
        List<Instant> warningAts,
        List<Long> warningMinutes,
        List<Pause> pauses,
        Instant asOf,
        SlaPolicy.MetAfterBreach metAfterBreach) {

    public MetricClock {
        warningFractions = List.copyOf(warningFractions);
        warningAts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(warningAts));
        warningMinutes = List.copyOf(warningMinutes);
        pauses = List.copyOf(pauses);
    }

    public enum Phase { RUNNING, PAUSED, MET, STOPPED }

    /**
     * A pause of the clock.
     *
     * @param end null while still paused
     * @param elapsedMinutes minutes counted when the pause began (unchanged by the pause)
     */
    public record Pause(Instant start, Instant end, long elapsedMinutes) {
    }

    /** The instant the cycle ended (met or stopped), or null while it is open. */
    public Instant endedAt() {
        return metAt != null ? metAt : stoppedAt;
    }

    /**
     * Whether {@code threshold} was reached while the cycle was open: at or before {@code asOf},
     * and strictly before it was met or stopped (a reply exactly at the due time is in time).
     */
    public boolean reached(Instant threshold) {
        if (threshold == null || threshold.isAfter(asOf)) {
            return false;
        }
        Instant end = endedAt();
        return end == null || threshold.isBefore(end);
    }

    /** The due instant if the target was missed as of {@code asOf}, else null. */
    public Instant breachedAt() {
        return reached(dueAt) ? dueAt : null;
    }
}
