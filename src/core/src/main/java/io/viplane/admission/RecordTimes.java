package io.viplane.admission;

import io.viplane.codec.InvalidRecordException;
import java.time.Duration;
import java.time.Instant;

/**
 * The one check of record time for every input. A record's event time ({@code occurred_at},
 * {@code updated_at}) becomes its Kafka timestamp, on the way into repartition topics and changelogs,
 * so it must be one the broker accepts and one Kafka Streams does not skip:
 * <ul>
 *   <li>representable in epoch milliseconds ({@code +1000000000-01-01T00:00:00Z} is a valid ISO instant
 *       whose milliseconds overflow a long);</li>
 *   <li>not before 1970 (Kafka Streams silently skips a record with a negative timestamp);</li>
 *   <li>not further ahead of this machine's clock than {@code maxAhead}, which must stay below the
 *       broker's {@code message.timestamp.after.max.ms} (1 h by default in Kafka 4): a record the broker
 *       refuses on an internal topic is not a dead letter but a crash on every restart.</li>
 * </ul>
 * Pure: "now" is passed in by the caller (the processor's wall clock).
 */
public final class RecordTimes {
    /** The shipped limit: clocks a few minutes fast are tolerated, a wrong time zone (≥ 1 h) is not. */
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofMinutes(15);

    private final long maxAheadMs;
    private final Duration maxAhead;

    public RecordTimes(Duration maxAhead) {
        if (maxAhead.isNegative()) {
            throw new IllegalArgumentException("the future skew limit cannot be negative");
        }
        this.maxAhead = maxAhead;
        this.maxAheadMs = maxAhead.toMillis();
    }

    public Duration maxAhead() {
        return maxAhead;
    }

    /** @return the reason {@code t} cannot be a record time, or null when it can (null {@code t} is fine) */
    public String problem(Instant t, long nowMs) {
        if (t == null) {
            return null;
        }
        long ms = millis(t);
        if (ms == Long.MIN_VALUE) {
            return "outside the range of Kafka timestamps (epoch milliseconds overflow)";
        }
        if (ms < 0) {
            return "before 1970-01-01T00:00:00Z (Kafka timestamps cannot be negative)";
        }
        if (ms > nowMs + maxAheadMs) {
            return "more than " + maxAhead + " ahead of the pipeline's clock (check the producer's clock)";
        }
        return null;
    }

    /** @throws InvalidRecordException naming {@code field} when {@link #problem} finds one */
    public void check(String field, Instant t, long nowMs) {
        String p = problem(t, nowMs);
        if (p != null) {
            throw new InvalidRecordException(field, p);
        }
    }

    /** Whether a timestamp (already in ms) may be used as a record time; for the timestamp extractor. */
    public boolean usable(long ms, long nowMs) {
        return ms >= 0 && ms <= nowMs + maxAheadMs;
    }

    /** Epoch milliseconds, or {@link Long#MIN_VALUE} when they do not fit in a long. */
    public static long millis(Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException overflow) {
            return Long.MIN_VALUE;
        }
    }
}
