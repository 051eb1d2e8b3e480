package io.viplane.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over many random instants (fixed seeds, so failures reproduce), for calendars in
 * zones with and without daylight saving, plus a brute-force minute-by-minute oracle.
 */
class BusinessCalendarPropertyTest {
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = ChronoUnit.SECONDS.between(FROM, Instant.parse("2028-01-01T00:00:00Z"));

    static Stream<Arguments> calendars() {
        return Stream.of(
                Arguments.of("office NY", BusinessCalendarTest.OFFICE),
                Arguments.of("night NY", Cals.cal("""
                        timezone: America/New_York
                        hours: {MON: ["22:00-24:00"], TUE: ["00:00-06:00", "22:00-24:00"], WED: ["00:00-06:00"],
                                SUN: ["00:00-03:00", "23:00-24:00"]}
                        holidays: ["2026-11-01", "2027-03-14"]
                        """)),
                Arguments.of("DST edges NY", Cals.cal("""
                        timezone: America/New_York
                        hours: {SUN: ["01:00-01:30", "01:30-02:30", "02:30-03:30"], WED: ["09:00-09:05"]}
                        """)),
                Arguments.of("Berlin office", Cals.cal("""
                        timezone: Europe/Berlin
                        hours: {MON: ["08:00-20:00"], TUE: ["08:00-20:00"], WED: ["08:00-20:00"],
                                THU: ["08:00-20:00"], FRI: ["08:00-12:00"]}
                        holidays: ["2026-10-26", "2026-12-24", "2026-12-25", "2026-12-31"]
                        """)),
                Arguments.of("Kolkata Sun-Thu", Cals.cal("""
                        timezone: Asia/Kolkata
                        hours: {SUN: ["10:00-18:30"], MON: ["10:00-18:30"], TUE: ["10:00-18:30"],
                                WED: ["10:00-18:30"], THU: ["10:00-18:30"]}
                        """)),
                Arguments.of("Santiago 24h with holidays", BusinessCalendar.of("cl", Cals.spec("""
                        always_open: true
                        holidays: ["2026-04-05", "2026-09-06", "2027-04-04"]
                        """), ZoneId.of("America/Santiago"))),
                Arguments.of("always", BusinessCalendar.always()));
    }

    private static Instant randomInstant(Random r) {
        return FROM.plusSeconds((long) (r.nextDouble() * SPAN_SECONDS)).plusNanos(r.nextInt(3) == 0 ? r.nextInt(1_000_000_000) : 0);
    }

    private static long randomMinutes(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(5);
            case 1 -> r.nextInt(240);
            case 2 -> r.nextInt(3_000);
            default -> r.nextInt(30_000);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void businessTimeBetweenInvertsAddition(String name, BusinessCalendar cal) {
        Random r = new Random(name.hashCode());
        for (int i = 0; i < 1500; i++) {
            Instant t = randomInstant(r);
            long n = randomMinutes(r);
            Instant deadline = cal.addBusinessMinutes(t, n);
            String ctx = name + ": " + t + " + " + n;
            assertEquals(Duration.ofMinutes(n), cal.businessTimeBetween(t, deadline), ctx);
            assertEquals(n, cal.businessMinutesBetween(t, deadline), ctx);
            assertFalse(deadline.isBefore(t), ctx);
            if (n > 0) {
                assertTrue(cal.isOpen(deadline.minusNanos(1)), ctx + ": last instant before the deadline is open");
            } else {
                assertEquals(cal.nextOpening(t), deadline, ctx);
                assertTrue(cal.isOpen(deadline), ctx);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void additionIsMonotonicAndComposes(String name, BusinessCalendar cal) {
        Random r = new Random(31L * name.hashCode());
        for (int i = 0; i < 800; i++) {
            Instant t1 = randomInstant(r);
            Instant t2 = t1.plusSeconds(r.nextInt(5 * 86_400));
            long n = randomMinutes(r);
            long m = 1 + randomMinutes(r);
            String ctx = name + ": " + t1 + ", " + t2 + ", " + n + ", " + m;
            Instant a = cal.addBusinessMinutes(t1, n);
            assertTrue(cal.addBusinessMinutes(t1, n + 1).isAfter(a), ctx + ": more minutes, later deadline");
            assertFalse(cal.addBusinessMinutes(t2, n).isBefore(a), ctx + ": later start, no earlier deadline");
            assertEquals(cal.addBusinessMinutes(t1, n + m), cal.addBusinessMinutes(a, m), ctx + ": composition");
            Instant mid = t1.plusSeconds(r.nextInt(3 * 86_400));
            Instant end = mid.plusSeconds(r.nextInt(3 * 86_400));
            assertEquals(cal.businessTimeBetween(t1, end),
                    cal.businessTimeBetween(t1, mid).plus(cal.businessTimeBetween(mid, end)), ctx + ": additivity");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void nextOpeningIsTheFirstOpenInstant(String name, BusinessCalendar cal) {
        Random r = new Random(7L * name.hashCode());
        for (int i = 0; i < 800; i++) {
            Instant t = randomInstant(r);
            Instant open = cal.nextOpening(t);
            String ctx = name + ": " + t;
            assertTrue(cal.isOpen(open), ctx);
            assertEquals(cal.isOpen(t), open.equals(t), ctx);
            assertEquals(Duration.ZERO, cal.businessTimeBetween(t, open), ctx);
        }
    }

    /**
     * An independent model: an instant is open when its local wall-clock date is not a holiday
     * and its local time lies in a range of that weekday. It agrees with the calendar whenever no
     * range boundary falls inside a DST gap or overlap, which holds for these calendars.
     */
    record WallClockModel(ZoneId zone, Map<DayOfWeek, List<int[]>> hours, Set<LocalDate> holidays) {
        boolean open(Instant t) {
            LocalDateTime l = LocalDateTime.ofInstant(t, zone);
            if (holidays.contains(l.toLocalDate())) {
                return false;
            }
            int minute = l.getHour() * 60 + l.getMinute();
            for (int[] range : hours.getOrDefault(l.getDayOfWeek(), List.of())) {
                if (minute >= range[0] && minute < range[1]) {
                    return true;
                }
            }
            return false;
        }

        /** Steps one minute at a time: the slow, obviously right definition of a deadline. */
        Instant add(Instant start, long minutes) {
            Instant t = start;
            long counted = 0;
            for (int step = 0; step < 1_000_000; step++, t = t.plusSeconds(60)) {
                if (minutes == 0 && open(t)) {
                    return t;
                }
                if (minutes > 0 && open(t) && ++counted == minutes) {
                    return t.plusSeconds(60); // the deadline is the end of the Nth open minute
                }
            }
            throw new AssertionError("model found no deadline");
        }
    }

    static Stream<Arguments> modelled() {
        int[] nineToFive = {9 * 60, 17 * 60};
        List<int[]> lunch = List.of(new int[] {9 * 60, 12 * 60}, new int[] {13 * 60, 17 * 60});
        return Stream.of(
                Arguments.of(BusinessCalendarTest.OFFICE, new WallClockModel(Cals.NEW_YORK, Map.of(
                        DayOfWeek.MONDAY, lunch, DayOfWeek.TUESDAY, lunch, DayOfWeek.WEDNESDAY, lunch,
                        DayOfWeek.THURSDAY, lunch, DayOfWeek.FRIDAY, lunch),
                        Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01")))),
                Arguments.of(Cals.cal("""
                        timezone: America/New_York
                        hours: {SAT: ["22:00-24:00"], SUN: ["00:00-06:00"], MON: ["09:00-17:00"]}
                        holidays: ["2026-03-09"]
                        """), new WallClockModel(Cals.NEW_YORK, Map.of(
                        DayOfWeek.SATURDAY, List.of(new int[] {22 * 60, 24 * 60}),
                        DayOfWeek.SUNDAY, List.of(new int[] {0, 6 * 60}),
                        DayOfWeek.MONDAY, List.of(nineToFive)), Set.of(LocalDate.parse("2026-03-09")))),
                Arguments.of(Cals.cal("""
                        timezone: Europe/Berlin
                        hours: {SUN: ["00:00-06:00", "08:00-24:00"], MON: ["09:00-17:00"]}
                        """), new WallClockModel(Cals.BERLIN, Map.of(
                        DayOfWeek.SUNDAY, List.of(new int[] {0, 6 * 60}, new int[] {8 * 60, 24 * 60}),
                        DayOfWeek.MONDAY, List.of(nineToFive)), Set.of())));
    }

    @ParameterizedTest
    @MethodSource("modelled")
    void agreesWithMinuteByMinuteModelAroundDaylightSavingChanges(BusinessCalendar cal, WallClockModel model) {
        Random r = new Random(20260308L);
        // Starts in the weeks around the 2026 DST changes of both zones, and around the holidays.
        List<Instant> windows = List.of(Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-26T00:00:00Z"),
                Instant.parse("2026-10-22T00:00:00Z"), Instant.parse("2026-10-29T00:00:00Z"),
                Instant.parse("2026-12-22T00:00:00Z"));
        for (int i = 0; i < 150; i++) {
            Instant start = windows.get(i % windows.size()).plusSeconds(60L * r.nextInt(7 * 24 * 60));
            long n = r.nextInt(i % 3 == 0 ? 5 : 1_500);
            assertEquals(model.add(start, n), cal.addBusinessMinutes(start, n), start + " + " + n);
            Instant end = start.plusSeconds(60L * r.nextInt(4 * 24 * 60));
            long expected = 0;
            for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
                expected += model.open(t) ? 1 : 0;
            }
            assertEquals(expected, cal.businessMinutesBetween(start, end), start + " .. " + end);
        }
    }
}
