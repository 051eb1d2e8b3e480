package io.viplane.topology;

import io.viplane.codec.InvalidRecordException;
import java.time.Duration;
import java.time.Instant;

/**
 * Rejects events stamped far ahead of this machine's clock (a producer with a wrong clock or time zone).
 * Event time drives stream time, and one event from the future would make every open SLA clock of the
 * partition look overdue; as a dead letter it is visible and harmless.
 */
final class FutureEvents {
    private final long maxSkewMs;

    FutureEvents(Duration maxSkew) {
        this.maxSkewMs = maxSkew.toMillis();
    }

    void check(Instant occurredAt, long wallClockMs) {
        if (occurredAt.toEpochMilli() > wallClockMs + maxSkewMs) {
            throw new InvalidRecordException("occurred_at",
                    "more than " + Duration.ofMillis(maxSkewMs) + " ahead of the pipeline's clock (check the producer's clock)");
        }
    }
}
