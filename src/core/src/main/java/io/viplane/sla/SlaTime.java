package io.viplane.sla;

import java.time.Duration;
import java.time.Instant;

/** How SLA minutes are counted for one ticket: around the clock, or in a business calendar. */
public interface SlaTime {
    Instant plusMinutes(Instant from, long minutes);

    long minutesBetween(Instant from, Instant to);

    /** For reasons: "24/7" or "business hours (business-hours, America/New_York)". */
    String describe();

    SlaTime AROUND_THE_CLOCK = new SlaTime() {
        @Override
        public Instant plusMinutes(Instant from, long minutes) {
            return from.plus(Duration.ofMinutes(minutes));
        }

        @Override
        public long minutesBetween(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to).toMinutes() : 0;
        }

        @Override
        public String describe() {
            return "24/7";
        }
    };
}
