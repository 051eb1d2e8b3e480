package io.viplane.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.NavigableSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IcalHolidaysTest {

    private static Path fixture() throws Exception {
        return Path.of(IcalHolidaysTest.class.getResource("/calendar/us-holidays.ics").toURI());
    }

    private static List<LocalDate> dates(String... iso) {
        return Stream.of(iso).map(LocalDate::parse).collect(Collectors.toList());
    }

    private static String event(String... props) {
        return "BEGIN:VCALENDAR\nBEGIN:VEVENT\n" + String.join("\n", props) + "\nEND:VEVENT\nEND:VCALENDAR\n";
    }

    @Test
    void readsTheFixtureThrough2028() throws Exception {
        NavigableSet<LocalDate> got = IcalHolidays.read(fixture(), 2028);
        assertEquals(dates(
                "2026-01-01", "2026-03-01", "2026-05-25", "2026-07-04", "2026-11-26", "2026-11-27",
                "2026-12-25", "2026-12-28", "2026-12-29", "2026-12-30",
                "2027-01-01", "2027-03-01", "2027-05-31", "2027-07-05", "2027-11-25", "2027-11-26",
                "2028-01-01", "2028-03-01", "2028-05-29", "2028-07-04", "2028-11-23", "2028-11-24"),
                List.copyOf(got));
        assertThrows(UnsupportedOperationException.class, () -> got.add(LocalDate.MIN));
    }

    @Test
    void defaultHorizonExpandsOpenEndedRulesOnly() throws Exception {
        NavigableSet<LocalDate> got = IcalHolidays.read(fixture());
        LocalDate thanksgiving2100 = LocalDate.of(IcalHolidays.DEFAULT_LAST_YEAR, 11, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        assertEquals(thanksgiving2100.plusDays(1), got.last());
        assertTrue(got.contains(LocalDate.parse("2100-01-01")));
        assertTrue(got.stream().noneMatch(d -> d.getMonthValue() == 7 && d.getYear() > 2028), "UNTIL=2028");
        assertEquals(3, got.stream().filter(d -> d.getMonthValue() == 3 && d.getDayOfMonth() == 1).count(), "COUNT=3");
        assertTrue(got.stream().noneMatch(d -> d.equals(LocalDate.parse("2026-06-15"))), "cancelled");
    }

    @Test
    void lineFeedsAndFoldingWork() {
        String ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:a\n  folded\n\tline\nDTSTART;VALUE=DATE:2026\n 1225\nEND:VEVENT\nEND:VCALENDAR";
        assertEquals(dates("2026-12-25"), List.copyOf(IcalHolidays.parse(ics)));
    }

    @Test
    void bareDateWithoutValueParameterIsAllDay() {
        assertEquals(dates("2026-12-25"), List.copyOf(IcalHolidays.parse(event("DTSTART:20261225"))));
    }

    // DTSTART (19 January 2026) is always the first occurrence, as RFC 5545 defines it.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FREQ=YEARLY;BYMONTH=1;BYDAY=3MO                  | 2026-01-19, 2027-01-18, 2028-01-17
            FREQ=YEARLY;BYMONTH=9;BYDAY=1MO                  | 2026-01-19, 2026-09-07, 2027-09-06, 2028-09-04
            FREQ=YEARLY;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8 | 2026-01-19, 2026-11-03, 2027-11-02, 2028-11-07
            FREQ=YEARLY;INTERVAL=2                           | 2026-01-19, 2028-01-19
            FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1             | 2026-01-19, 2026-12-31, 2027-12-31, 2028-12-31
            """)
    void yearlyRules(String rule, String expected) {
        List<LocalDate> want = Stream.of(expected.split(",")).map(String::trim).map(LocalDate::parse).toList();
        assertEquals(want, List.copyOf(IcalHolidays.parse(event("DTSTART;VALUE=DATE:20260119", "RRULE:" + rule), 2028)));
    }

    @Test
    void leapDayRepeatsOnlyInLeapYears() {
        assertEquals(dates("2028-02-29", "2032-02-29"),
                List.copyOf(IcalHolidays.parse(event("DTSTART;VALUE=DATE:20280229", "RRULE:FREQ=YEARLY"), 2033)));
    }

    @Test
    void singleEventsAreKeptBeyondTheHorizon() {
        assertEquals(dates("2150-01-01"), List.copyOf(IcalHolidays.parse(event("DTSTART;VALUE=DATE:21500101"), 2030)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            DTSTART:20261225T090000Z                            | only all-day events
            DTSTART;VALUE=DATE-TIME:20261225                    | only all-day events
            DTSTART;VALUE=DATE:20261325                         | not a date
            DTSTART;VALUE=DATE:20261225\\nRRULE:FREQ=MONTHLY      | FREQ=MONTHLY is not supported
            DTSTART;VALUE=DATE:20261225\\nRRULE:FREQ=YEARLY;BYWEEKNO=20 | BYWEEKNO is not supported
            DTSTART;VALUE=DATE:20261225\\nRRULE:FREQ=YEARLY;BYDAY=MO | needs BYMONTH
            DTSTART;VALUE=DATE:20261225\\nRRULE:FREQ=YEARLY;BYMONTH=13 | BYMONTH value
            DTSTART;VALUE=DATE:20261225\\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=6TH | ordinal
            DTSTART;VALUE=DATE:20261225\\nRRULE:FREQ=YEARLY;COUNT=2;UNTIL=20301231 | both COUNT and UNTIL
            DTSTART;VALUE=DATE:20261225\\nDTEND;VALUE=DATE:20261225 | DTEND is exclusive
            DTSTART;VALUE=DATE:20261225\\nDTEND;VALUE=DATE:20281225 | DTEND is exclusive
            DTSTART;VALUE=DATE:20261225\\nDURATION:PT8H          | whole days or weeks
            DTSTART;VALUE=DATE:20261225\\nEXDATE:20261225T000000 | only dates
            SUMMARY:no start                                    | has no DTSTART
            DTSTART                                             | not NAME:VALUE
            """)
    void rejectsWhatItCannotRepresent(String props, String problem) {
        String ics = event(props.replace("\\n", "\n"));
        IcalFormatException e = assertThrows(IcalFormatException.class, () -> IcalHolidays.parse(ics));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + e.line() + ": "), e.getMessage());
        assertTrue(e.line() >= 2 && e.line() <= 4, "line " + e.line());
    }

    @Test
    void unbalancedComponentsAreRejected() {
        assertTrue(assertThrows(IcalFormatException.class, () -> IcalHolidays.parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\n"))
                .getMessage().contains("never ended"));
        assertTrue(assertThrows(IcalFormatException.class, () -> IcalHolidays.parse("BEGIN:VCALENDAR\nEND:VEVENT\n"))
                .getMessage().contains("without matching BEGIN"));
    }

    @Test
    void emptyCalendarHasNoHolidays() {
        assertTrue(IcalHolidays.parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n").isEmpty());
    }
}
