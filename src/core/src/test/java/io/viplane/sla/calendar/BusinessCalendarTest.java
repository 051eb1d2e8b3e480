package io.viplane.sla.calendar;

import static io.viplane.sla.calendar.Cals.NEW_YORK;
import static io.viplane.sla.calendar.Cals.cal;
import static io.viplane.sla.calendar.Cals.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven behaviour of one weekly calendar with a lunch break and holidays, and 24/7. */
class BusinessCalendarTest {

    // 2026-06-01 is a Monday; 2026-12-25 and 2027-01-01 are Fridays.
    static final BusinessCalendar OFFICE = cal("""
            timezone: America/New_York
            hours:
              MON: ["09:00-12:00", "13:00-17:00"]
              TUE: ["09:00-12:00", "13:00-17:00"]
              WED: ["09:00-12:00", "13:00-17:00"]
              THU: ["09:00-12:00", "13:00-17:00"]
              FRI: ["09:00-12:00", "13:00-17:00"]
            holidays: ["2026-12-25", "2027-01-01"]
            """);

    @Test
    void fixtureDatesAreTheWeekdaysTheTablesAssume() {
        assertEquals(DayOfWeek.MONDAY, LocalDate.parse("2026-06-01").getDayOfWeek());
        assertEquals(DayOfWeek.FRIDAY, LocalDate.parse("2026-12-25").getDayOfWeek());
        assertEquals(DayOfWeek.FRIDAY, LocalDate.parse("2027-01-01").getDayOfWeek());
    }

    @ParameterizedTest(name = "{0} + {1} min = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # start (local NY)     | minutes | deadline (local NY)
            2026-06-01T09:00       | 0       | 2026-06-01T09:00
            2026-06-01T09:00       | 60      | 2026-06-01T10:00
            2026-06-01T10:17:42    | 1       | 2026-06-01T10:18:42
            2026-06-01T11:30       | 30      | 2026-06-01T12:00
            2026-06-01T11:30       | 31      | 2026-06-01T13:01
            2026-06-01T12:00       | 0       | 2026-06-01T13:00
            2026-06-01T12:30       | 15      | 2026-06-01T13:15
            2026-06-01T16:00       | 60      | 2026-06-01T17:00
            2026-06-01T16:00       | 61      | 2026-06-02T09:01
            2026-06-01T17:00       | 0       | 2026-06-02T09:00
            2026-06-01T17:00       | 1       | 2026-06-02T09:01
            2026-06-01T08:59:30    | 1       | 2026-06-01T09:01
            2026-06-01T09:00       | 420     | 2026-06-01T17:00
            2026-06-01T09:00       | 421     | 2026-06-02T09:01
            2026-06-01T09:00       | 2100    | 2026-06-05T17:00
            2026-06-01T09:00       | 2101    | 2026-06-08T09:01
            2026-06-05T16:45       | 15      | 2026-06-05T17:00
            2026-06-05T16:45       | 30      | 2026-06-08T09:15
            2026-06-05T19:30       | 15      | 2026-06-08T09:15
            2026-06-06T10:00       | 120     | 2026-06-08T11:00
            2026-06-07T23:59       | 1       | 2026-06-08T09:01
            2026-12-24T16:00       | 60      | 2026-12-24T17:00
            2026-12-24T16:00       | 120     | 2026-12-28T10:00
            2026-12-24T17:00       | 0       | 2026-12-28T09:00
            2026-12-25T10:00       | 30      | 2026-12-28T09:30
            2026-12-31T16:30       | 60      | 2027-01-04T09:30
            """)
    void addBusinessMinutes(String start, long minutes, String deadline) {
        assertEquals(local(deadline, NEW_YORK), OFFICE.addBusinessMinutes(local(start, NEW_YORK), minutes));
    }

    @ParameterizedTest(name = "{0} .. {1} = {2} min")
    @CsvSource(delimiter = '|', textBlock = """
            # from (local NY)      | to (local NY)        | business minutes
            2026-06-01T09:00       | 2026-06-01T17:00     | 420
            2026-06-01T11:00       | 2026-06-01T14:00     | 120
            2026-06-01T12:00       | 2026-06-01T13:00     | 0
            2026-06-01T00:00       | 2026-06-08T00:00     | 2100
            2026-06-05T16:00       | 2026-06-08T10:00     | 120
            2026-06-05T18:00       | 2026-06-06T18:00     | 0
            2026-06-01T10:00       | 2026-06-01T10:00     | 0
            2026-06-01T14:00       | 2026-06-01T10:00     | 0
            2026-06-01T09:00       | 2026-06-01T09:00:59  | 0
            2026-06-01T09:00       | 2026-06-01T09:01:59  | 1
            2026-12-24T16:00       | 2026-12-28T10:00     | 120
            2026-12-21T00:00       | 2027-01-04T00:00     | 3360
            """)
    void businessMinutesBetween(String from, String to, long minutes) {
        assertEquals(minutes, OFFICE.businessMinutesBetween(local(from, NEW_YORK), local(to, NEW_YORK)));
    }

    @Test
    void businessTimeBetweenKeepsSeconds() {
        assertEquals(Duration.ofSeconds(59),
                OFFICE.businessTimeBetween(local("2026-06-01T09:00", NEW_YORK), local("2026-06-01T09:00:59", NEW_YORK)));
        assertEquals(Duration.ofMinutes(90).plusSeconds(30),
                OFFICE.businessTimeBetween(local("2026-06-01T11:29:30", NEW_YORK), local("2026-06-01T14:00", NEW_YORK)));
    }

    @Test
    void durationVariantHasSubMinutePrecision() {
        assertEquals(local("2026-06-02T09:00:30", NEW_YORK),
                OFFICE.addBusinessTime(local("2026-06-01T16:59:45", NEW_YORK), Duration.ofSeconds(45)));
    }

    @ParameterizedTest(name = "open at {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-06-01T08:59:59 | false
            2026-06-01T09:00    | true
            2026-06-01T11:59:59 | true
            2026-06-01T12:00    | false
            2026-06-01T12:59:59 | false
            2026-06-01T13:00    | true
            2026-06-01T16:59:59 | true
            2026-06-01T17:00    | false
            2026-06-06T10:00    | false
            2026-12-25T10:00    | false
            2026-12-28T10:00    | true
            """)
    void isOpen(String at, boolean open) {
        assertEquals(open, OFFICE.isOpen(local(at, NEW_YORK)));
    }

    @ParameterizedTest(name = "next opening after {0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-06-01T10:00       | 2026-06-01T10:00
            2026-06-01T06:00       | 2026-06-01T09:00
            2026-06-01T12:00       | 2026-06-01T13:00
            2026-06-01T17:00       | 2026-06-02T09:00
            2026-06-05T17:00       | 2026-06-08T09:00
            2026-06-06T12:00       | 2026-06-08T09:00
            2026-12-24T17:00       | 2026-12-28T09:00
            2026-12-31T23:00       | 2027-01-04T09:00
            """)
    void nextOpening(String at, String opening) {
        assertEquals(local(opening, NEW_YORK), OFFICE.nextOpening(local(at, NEW_YORK)));
    }

    @Test
    void negativeAmountsAreRejected() {
        Instant t = local("2026-06-01T10:00", NEW_YORK);
        assertThrows(IllegalArgumentException.class, () -> OFFICE.addBusinessMinutes(t, -1));
        assertThrows(IllegalArgumentException.class, () -> OFFICE.addBusinessTime(t, Duration.ofSeconds(-1)));
    }

    @Test
    void accountZoneOverridesTheCalendarZone() {
        BusinessCalendar tokyo = BusinessCalendar.of("office", Cals.spec("""
                timezone: America/New_York
                hours: {MON: ["09:00-17:00"]}
                """), ZoneId.of("Asia/Tokyo"));
        assertEquals(ZoneId.of("Asia/Tokyo"), tokyo.zone());
        // Monday 09:00 in Tokyo is Monday 00:00 UTC.
        assertEquals(Instant.parse("2026-06-01T00:00:00Z"), tokyo.nextOpening(Instant.parse("2026-05-31T12:00:00Z")));
    }

    @Test
    void workIsProportionalToDaysNotMinutes() {
        Instant start = local("2026-06-01T09:00", NEW_YORK);
        long tenYears = 10L * 52 * 2100;
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            Instant deadline = OFFICE.addBusinessMinutes(start, tenYears);
            assertEquals(tenYears, OFFICE.businessMinutesBetween(start, deadline));
        });
    }

    @Test
    void spansBeyondTheHorizonFailInsteadOfRunningLong() {
        Instant start = local("2026-06-01T09:00", NEW_YORK);
        assertThrows(IllegalArgumentException.class, () -> OFFICE.addBusinessMinutes(start, Long.MAX_VALUE / 120));
        assertThrows(IllegalArgumentException.class,
                () -> OFFICE.businessTimeBetween(start, start.plus(Duration.ofDays(BusinessCalendar.MAX_SPAN_DAYS + 10))));
    }

    @Nested
    class MidnightRanges {
        // Night shift: MON 22:00-24:00 continues into TUE 00:00-06:00, and so on.
        final BusinessCalendar night = cal("""
                timezone: America/New_York
                hours:
                  MON: ["22:00-24:00"]
                  TUE: ["00:00-06:00", "22:00-24:00"]
                  WED: ["00:00-06:00"]
                """);

        @ParameterizedTest(name = "{0} + {1} min = {2}")
        @CsvSource(delimiter = '|', textBlock = """
                2026-06-01T23:00 | 60  | 2026-06-02T00:00
                2026-06-01T23:00 | 120 | 2026-06-02T01:00
                2026-06-01T23:30 | 390 | 2026-06-02T06:00
                2026-06-01T23:30 | 391 | 2026-06-02T22:01
                2026-06-01T21:00 | 0   | 2026-06-01T22:00
                2026-06-02T06:00 | 0   | 2026-06-02T22:00
                2026-06-02T22:00 | 480 | 2026-06-03T06:00
                2026-06-03T05:00 | 61  | 2026-06-08T22:01
                """)
        void add(String start, long minutes, String deadline) {
            assertEquals(local(deadline, NEW_YORK), night.addBusinessMinutes(local(start, NEW_YORK), minutes));
        }

        @Test
        void consecutiveDaysCountAsOneStretch() {
            assertEquals(480, night.businessMinutesBetween(local("2026-06-01T22:00", NEW_YORK),
                    local("2026-06-02T06:00", NEW_YORK)));
            assertEquals(840, night.businessMinutesBetween(local("2026-06-02T00:00", NEW_YORK),
                    local("2026-06-04T00:00", NEW_YORK)));
            assertTrue(night.isOpen(local("2026-06-02T00:00", NEW_YORK)));
            assertTrue(night.isOpen(local("2026-06-01T23:59:59", NEW_YORK)));
            assertFalse(night.isOpen(local("2026-06-02T06:00", NEW_YORK)));
            assertFalse(night.isOpen(local("2026-06-01T21:59", NEW_YORK)));
        }

        @Test
        void aHolidayClosesOnlyTheRangesOfItsOwnDate() {
            BusinessCalendar withHoliday = cal("""
                    timezone: America/New_York
                    hours:
                      MON: ["22:00-24:00"]
                      TUE: ["00:00-06:00", "22:00-24:00"]
                      WED: ["00:00-06:00"]
                    holidays: ["2026-06-02"]
                    """);
            // Monday night still counts; Tuesday (both ranges) is closed; Wednesday resumes.
            assertEquals(local("2026-06-03T01:00", NEW_YORK),
                    withHoliday.addBusinessMinutes(local("2026-06-01T23:00", NEW_YORK), 120));
            assertEquals(local("2026-06-02T00:00", NEW_YORK),
                    withHoliday.addBusinessMinutes(local("2026-06-01T23:00", NEW_YORK), 60));
        }
    }

    @Nested
    class AlwaysOpen {
        final BusinessCalendar always = BusinessCalendar.always();

        @Test
        void businessTimeIsElapsedTime() {
            Instant t = Instant.parse("2026-03-08T06:59:00Z"); // one minute before the NY jump
            assertTrue(always.isContinuous());
            assertTrue(always.isOpen(t));
            assertEquals(t, always.nextOpening(t));
            assertEquals(t.plusSeconds(15 * 60), always.addBusinessMinutes(t, 15));
            assertEquals(90, always.businessMinutesBetween(t, t.plusSeconds(90 * 60)));
            assertEquals(0, always.businessMinutesBetween(t, t.minusSeconds(60)));
        }

        @Test
        void alwaysOpenWithHolidaysIsLocalMidnightToMidnight() {
            BusinessCalendar cal = cal("""
                    timezone: America/New_York
                    always_open: true
                    holidays: ["2026-07-04"]
                    """);
            assertFalse(cal.isContinuous());
            assertEquals(local("2026-07-05T01:00", NEW_YORK),
                    cal.addBusinessMinutes(local("2026-07-03T23:00", NEW_YORK), 120));
            assertFalse(cal.isOpen(local("2026-07-04T12:00", NEW_YORK)));
            assertEquals(24 * 60, cal.businessMinutesBetween(local("2026-07-03T00:00", NEW_YORK),
                    local("2026-07-05T00:00", NEW_YORK)));
        }
    }
}
