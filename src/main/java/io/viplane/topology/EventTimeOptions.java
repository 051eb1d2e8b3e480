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
 */
public record EventTimeOptions(Integer ticketPartitions, Duration markInterval, Duration grace, InputLag lag) {

    public static EventTimeOptions defaults() {
        return new EventTimeOptions(null, Duration.ofMillis(250), Duration.ofMinutes(2), InputLag.NONE);
    }

    public EventTimeOptions withTicketPartitions(Integer n) {
        return new EventTimeOptions(n, markInterval, grace, lag);
    }

    public EventTimeOptions withGrace(Duration g) {
        return new EventTimeOptions(ticketPartitions, markInterval, g, lag);
    }

    public EventTimeOptions withLag(InputLag l) {
        return new EventTimeOptions(ticketPartitions, markInterval, grace, l);
    }

    public EventTimeOptions withMarkInterval(Duration d) {
        return new EventTimeOptions(ticketPartitions, d, grace, lag);
    }
}
