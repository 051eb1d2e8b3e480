package io.viplane.sla.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Maps a local wall-clock time to one instant: the first instant at which the clocks of the zone
 * show that time or a later one.
 *
 * <p>Why this rule rather than {@link java.time.ZonedDateTime#of}'s: it is monotonic in the
 * local time, so ranges that do not overlap on the wall clock never overlap in real time, and
 * back-to-back ranges (12:00-13:00 then 13:00-14:00, or 22:00-24:00 then next day 00:00-06:00)
 * stay back to back. ZonedDateTime shifts a time inside a spring-forward gap forwards by the gap
 * (02:30 becomes 03:30), which would move 02:30 after 03:15.
 * <ul>
 *   <li>normal time: the single instant;</li>
 *   <li>spring-forward gap (the time never shows): the transition instant, i.e. the moment the
 *       clocks jump past it;</li>
 *   <li>fall-back overlap (the time shows twice): the first occurrence (offset before the
 *       transition).</li>
 * </ul>
 */
final class LocalInstants {
    private LocalInstants() {
    }

    static Instant firstInstantShowing(LocalDateTime local, ZoneRules rules) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        return offsets.isEmpty()
                ? transition.getInstant()
                : local.toInstant(transition.getOffsetBefore());
    }
}
