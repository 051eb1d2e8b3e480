package io.viplane.sla.calendar;

import java.time.Instant;

/** A half-open span [start, end) of real time during which a calendar is open; never empty. */
record OpenInterval(Instant start, Instant end) {
    OpenInterval {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("empty interval " + start + ".." + end);
        }
    }
}
