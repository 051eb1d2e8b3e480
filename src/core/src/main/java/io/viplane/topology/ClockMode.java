package io.viplane.topology;

/**
 * Which time drives SLA and escalation timers.
 *
 * <p>{@link #WALL_CLOCK} is for live traffic: a deadline fires within one timer interval of the real
 * time it falls due, even when no other event arrives. {@link #STREAM_TIME} is for replaying history:
 * "now" is the largest event time seen, so a replayed day produces the warnings and breaches that
 * live processing would have produced, at the event times they would have had.
 */
public enum ClockMode {
    WALL_CLOCK,
    STREAM_TIME
}
