package io.viplane.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The watermark rule on its own: the minimum over ticket sources, caught-up sources, the live grace. */
class EventTimeProgressTest {
    private static Watermark m(int p, long t, boolean caughtUp) {
        return new Watermark(p, t, caughtUp);
    }

    @Test
    void theWatermarkIsTheSlowestSourceNotTheFastest() {
        assertEquals(OptionalLong.of(100), EventTimeProgress.watermark(List.of(m(0, 900, false), m(1, 100, false)), 2, true));
        assertEquals(OptionalLong.of(100), EventTimeProgress.watermark(List.of(m(0, 900, false), m(1, 100, false)), 2, false));
    }

    @Test
    void nothingIsKnownUntilEverySourceHasReported() {
        assertEquals(OptionalLong.empty(), EventTimeProgress.watermark(List.of(m(0, 900, false)), 2, true));
        assertEquals(OptionalLong.empty(), EventTimeProgress.watermark(List.of(), null, true));
        assertEquals(OptionalLong.of(900), EventTimeProgress.watermark(List.of(m(0, 900, false)), null, true));
    }

    @Test
    void inAReplayEvenACaughtUpSourceCountsForAPublisherMayStillBeWritingTheHistory() {
        assertEquals(OptionalLong.of(100), EventTimeProgress.watermark(List.of(m(0, 900, false), m(1, 100, true)), 2, true));
        assertEquals(OptionalLong.of(100), EventTimeProgress.watermark(List.of(m(0, 900, true), m(1, 100, true)), 2, true));
        assertEquals(OptionalLong.empty(), EventTimeProgress.watermark(List.of(m(0, 900, false), m(1, -1, true)), 2, true),
                "an empty partition holds the clocks until it reads");
    }

    @Test
    void liveNowIsTheWallClockHeldBackToTheWatermarkForAtMostTheGrace() {
        assertEquals(1_000, EventTimeProgress.liveNow(1_000, OptionalLong.of(5_000), 120));
        assertEquals(950, EventTimeProgress.liveNow(1_000, OptionalLong.of(950), 120));
        assertEquals(880, EventTimeProgress.liveNow(1_000, OptionalLong.of(10), 120), "a stalled source waits no longer than the grace");
        assertEquals(880, EventTimeProgress.liveNow(1_000, OptionalLong.empty(), 120));
    }

    @Test
    void aMarkAllowsForLatenessWhileReadingAndNeverClaimsMoreThanTheWallClockLive() {
        assertEquals(500, EventTimeProgress.mark(0, 5_000, false, false, 500, 100).progressMs(), "stamped ahead of the clock");
        assertEquals(200, EventTimeProgress.mark(0, 300, false, false, 500, 100).progressMs(), "a backlog: what it read, less lateness");
        assertEquals(500, EventTimeProgress.mark(0, 300, true, false, 500, 100).progressMs(), "caught up: everything until now");
        assertEquals(4_900, EventTimeProgress.mark(0, 5_000, false, true, 500, 100).progressMs(), "a replay is history");
        assertEquals(4_900, EventTimeProgress.mark(0, 5_000, true, true, 500, 100).progressMs(),
                "a replay read to its end still allows for lateness: its publisher may be sending more");
        assertEquals(-1, EventTimeProgress.mark(0, -1, false, true, 500, 100).progressMs(), "nothing read yet");
    }

    @Test
    void aMarkSurvivesItsWireFormatAndIsToldApartFromAnAvroFrame() {
        Watermark w = m(7, 1_768_565_510_000L, true);
        assertEquals(w, Watermark.decode(w.encode()));
        assertEquals(false, Watermark.isMark(new byte[] {(byte) 0xC3, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    }
}
