package io.viplane.topology;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * The event time every ticket source has reached, from the latest {@link Watermark} of each: the rule the
 * SLA and escalation clocks run on. Pure, so the rule is tested on its own.
 */
final class EventTimeProgress {
    private EventTimeProgress() {
    }

    /**
     * @param marks the latest mark of each source heard from
     * @param expected how many sources there are; null when unknown (then: those heard from)
     * @param replay stream-time mode (kept for the rule's documentation: both modes take the minimum)
     * @return empty until every expected source has reported
     */
    static OptionalLong watermark(Collection<Watermark> marks, Integer expected, boolean replay) {
        if (marks.isEmpty() || (expected != null && marks.size() < expected)) {
            return OptionalLong.empty();
        }
        // Replaying, the slowest source always counts: "caught up" only says nothing is left to read right
        // now, and a publisher may still be writing the history (measured on the demo: leaving caught-up
        // sources out gave 14 to 92 false breaches). Live, a caught-up source already reports the wall clock.
        long min = Long.MAX_VALUE;
        for (Watermark m : marks) {
            min = Math.min(min, m.progressMs());
        }
        return min < 0 ? OptionalLong.empty() : OptionalLong.of(min);
    }

    /**
     * "Now" for clocks in wall-clock mode: wall-clock time, held back to the watermark so a reply still in
     * a backlog is processed before its clock fires, but never more than {@code graceMs} (a stalled source
     * must not silence every breach).
     */
    static long liveNow(long wallMs, OptionalLong watermark, long graceMs) {
        long floor = wallMs - graceMs;
        return Math.min(wallMs, Math.max(floor, watermark.orElse(floor)));
    }

    /**
     * What a ticket-partition task reports for its partition (see {@link Watermark}): what it has read less the
     * allowed lateness (an event that much out of order still counts before its clock fires). Live, once caught
     * up, the wall-clock time instead (everything published until now is read). Replaying, the lateness counts
     * even when caught up: having nothing left to read says nothing about what the publisher still sends.
     */
    static Watermark mark(int partition, long maxSeenMs, boolean caughtUp, boolean replay, long wallMs, long latenessMs) {
        long read = maxSeenMs < 0 ? -1 : Math.max(0, maxSeenMs - (caughtUp && !replay ? 0 : latenessMs));
        if (replay) {
            return new Watermark(partition, read, caughtUp);
        }
        // Live: an event stamped ahead of this clock cannot move time past it.
        return new Watermark(partition, caughtUp ? wallMs : Math.min(read, wallMs), caughtUp);
    }
}
