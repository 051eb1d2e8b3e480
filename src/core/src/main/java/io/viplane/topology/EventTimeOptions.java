package io.viplane.topology;

import java.time.Duration;

/**
 * How the account partition learns how far the ticket sources have got (see {@link Watermark}).
 *
 * @param ticketPartitions partitions of {@code support.tickets}; the account partition waits until it has
 *                         heard from each before a clock may fire. Null: whichever have reported (tests).
 * @param markInterval how often each ticket-partition task reports its progress
 * @param grace in wall-clock mode, how long past a due time a clock waits for a stalled source before it
 *              fires anyway (a source that reports nothing: its instance is down, or its task is moving)
 * @param lag how many records a ticket partition still has to read; tells a caught-up source from a slow one
 * @param lateness how far out of event-time order a partition's events may arrive (a help desk publishing a
 *                 ticket's reply after a newer event of another ticket) and still count before their clocks fire;
 *                 a source still reading reports its progress less this much
 */
public record EventTimeOptions(Integer ticketPartitions, Duration markInterval, Duration grace, InputLag lag,
                               Duration lateness) {

    /**
     * Our choice: a help desk may publish an event up to 30 min after a later one of the same partition (a
     * retried webhook, a batch export) and its clock still waits for it. Replaying, clocks fire that much
     * later in event time (no outcome changes); live, a caught-up source reports the wall clock and the
     * grace bounds the wait, so only a backlog is affected.
     */
    public static final Duration DEFAULT_LATENESS = Duration.ofMinutes(30);

    /**
     * Replaying, how long every ticket source must have had nothing to read before the records still held for
     * event-time order go on (the end of a replay). Our choice: longer than a publisher's usual pause (2 s
     * was too short on a loaded machine: a stalled publisher looked like the end and two replays differed).
     */
    public static final Duration REPLAY_SETTLE = Duration.ofSeconds(10);

    public static EventTimeOptions defaults() {
        return new EventTimeOptions(null, Duration.ofMillis(250), Duration.ofMinutes(2), InputLag.NONE,
                DEFAULT_LATENESS);
    }

    public EventTimeOptions withLateness(Duration d) {
        return new EventTimeOptions(ticketPartitions, markInterval, grace, lag, d);
    }

    public EventTimeOptions withTicketPartitions(Integer n) {
        return new EventTimeOptions(n, markInterval, grace, lag, lateness);
    }

    public EventTimeOptions withGrace(Duration g) {
        return new EventTimeOptions(ticketPartitions, markInterval, g, lag, lateness);
    }

    public EventTimeOptions withLag(InputLag l) {
        return new EventTimeOptions(ticketPartitions, markInterval, grace, l, lateness);
    }

    public EventTimeOptions withMarkInterval(Duration d) {
        return new EventTimeOptions(ticketPartitions, d, grace, lag, lateness);
    }
}
