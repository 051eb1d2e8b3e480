package io.viplane.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a calendar can be unusable is rejected at construction, with a precise message. */
class CalendarValidationTest {

    private static CalendarValidationException rejected(CalendarSpec spec) {
        return assertThrows(CalendarValidationException.class,
                () -> BusinessCalendar.of("support-eu", spec, null));
    }

    private static void assertMessage(CalendarValidationException e, String... parts) {
        assertEquals("support-eu", e.calendarName());
        assertTrue(e.getMessage().startsWith("calendar 'support-eu': "), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }

    private static CalendarSpec monday(String... ranges) {
        return CalendarSpec.of("Europe/Berlin", Map.of("MON", Arrays.asList(ranges)), List.of());
    }

    @Test
    void unknownTimezone() {
        CalendarValidationException e = rejected(CalendarSpec.of("Europe/Berlni", Map.of("MON", List.of("09:00-17:00")), List.of()));
        assertMessage(e, "unknown timezone 'Europe/Berlni'");
        // A typo in the policy fails even when the account's zone would override it.
        assertThrows(CalendarValidationException.class, () -> BusinessCalendar.of("support-eu",
                CalendarSpec.of("Mars/Olympus", Map.of("MON", List.of("09:00-17:00")), List.of()), ZoneId.of("UTC")));
    }

    @Test
    void missingTimezoneIsAnErrorUnlessTheAccountGivesOne() {
        CalendarSpec spec = CalendarSpec.of(null, Map.of("MON", List.of("09:00-17:00")), List.of());
        assertMessage(rejected(spec), "no timezone");
        assertEquals(ZoneId.of("Asia/Tokyo"), BusinessCalendar.of("support-eu", spec, ZoneId.of("Asia/Tokyo")).zone());
        // A 24/7 calendar without holidays has no local dates, so it needs no zone.
        assertTrue(BusinessCalendar.of("always", CalendarSpec.alwaysOpenSpec(), null).isContinuous());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"9-17", "09:00 - 17", "09:00–17:00", "0900-1700", "abc", "", "09:00-17:00-18:00",
            "09:00:00-17:00:00"})
    void malformedRange(String range) {
        assertMessage(rejected(monday(range)), "hours.MON[0]", "malformed");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            09:60-17:00 | invalid start time
            24:00-24:00 | invalid start time
            25:00-26:00 | invalid start time
            09:00-17:60 | invalid end time
            09:00-24:30 | invalid end time
            09:00-25:00 | invalid end time
            """)
    void outOfRangeTimes(String range, String problem) {
        assertMessage(rejected(monday(range)), "hours.MON[0] \"" + range + "\"", problem);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"17:00-09:00", "09:00-09:00", "00:00-00:00", "12:01-12:00"})
    void invertedOrEmptyRange(String range) {
        assertMessage(rejected(monday(range)), "\"" + range + "\"", "empty or inverted");
    }

    @Test
    void emptyListItem() {
        assertMessage(rejected(monday("09:00-12:00", null)), "hours.MON[1] (empty)");
    }

    @Test
    void midnightEndAndRelaxedSpacingAreAccepted() {
        BusinessCalendar cal = BusinessCalendar.of("support-eu", monday(" 22:00 - 24:00 ", "9:00-12:00"), null);
        assertTrue(cal.isOpen(Cals.local("2026-06-01T23:59", Cals.BERLIN)));
        assertTrue(cal.isOpen(Cals.local("2026-06-01T09:30", Cals.BERLIN)));
    }

    @Test
    void overlappingRanges() {
        assertMessage(rejected(monday("13:00-17:00", "09:00-12:00", "11:00-14:00")), "hours.MON", "overlap");
        assertMessage(rejected(monday("09:00-17:00", "09:00-17:00")), "overlap");
        // Touching ranges do not overlap: 12:00 is both the end of one and the start of the next.
        BusinessCalendar cal = BusinessCalendar.of("support-eu", monday("09:00-12:00", "12:00-13:00"), null);
        assertEquals(240, cal.businessMinutesBetween(Cals.local("2026-06-01T00:00", Cals.BERLIN),
                Cals.local("2026-06-02T00:00", Cals.BERLIN)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MOM", "Funday", "MO", "WEEKDAYS", "1"})
    void unknownWeekday(String key) {
        assertMessage(rejected(CalendarSpec.of("UTC", Map.of(key, List.of("09:00-17:00")), List.of())),
                "unknown weekday '" + key + "'");
    }

    @Test
    void weekdayKeysAcceptShortAndLongNamesInAnyCase() {
        Map<String, List<String>> hours = new HashMap<>();
        hours.put("mon", List.of("09:00-10:00"));
        hours.put("Tuesday", List.of("09:00-10:00"));
        hours.put("WED", null); // "WED:" with no value: closed
        BusinessCalendar cal = BusinessCalendar.of("x", CalendarSpec.of("UTC", hours, List.of()), null);
        assertEquals(120, cal.businessMinutesBetween(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-04T00:00:00Z")));
    }

    @Test
    void weekdayGivenTwice() {
        Map<String, List<String>> hours = new java.util.LinkedHashMap<>();
        hours.put("MON", List.of("09:00-10:00"));
        hours.put("monday", List.of("11:00-12:00"));
        assertMessage(rejected(CalendarSpec.of("UTC", hours, List.of())), "MONDAY is given twice", "'monday'");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"2026-13-01", "12/25/2026", "2026-02-30", "2026-1-5", "christmas", "2026-12-25T00:00"})
    void malformedHoliday(String date) {
        CalendarSpec spec = CalendarSpec.of("UTC", Map.of("MON", List.of("09:00-17:00")), List.of("2026-01-01", date));
        assertMessage(rejected(spec), "holidays[1] \"" + date + "\" is not a date");
    }

    @Test
    void emptyHoliday() {
        CalendarSpec spec = CalendarSpec.of("UTC", Map.of("MON", List.of("09:00-17:00")), Arrays.asList((String) null));
        assertMessage(rejected(spec), "holidays[0] is empty");
    }

    @Test
    void noHoursAtAll() {
        assertMessage(rejected(CalendarSpec.of("UTC", Map.of(), List.of())), "no open hours");
        assertMessage(rejected(CalendarSpec.of("UTC", null, null)), "no open hours");
        assertMessage(rejected(CalendarSpec.of("UTC", Map.of("MON", List.of(), "TUE", List.of()), List.of())),
                "no open hours");
    }

    @Test
    void holidaysCoveringEveryOpenDayForAYear() {
        List<String> mondays = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-01-05"); d.getYear() == 2026; d = d.plusWeeks(1)) {
            mondays.add(d.toString());
        }
        CalendarSpec spec = CalendarSpec.of("UTC", Map.of("MON", List.of("09:00-17:00")), mondays);
        // Last open Monday before is 2025-12-29, first after is 2027-01-04.
        assertMessage(rejected(spec), "closed every day from 2025-12-30 to 2027-01-03 (370 days)");
    }

    @Test
    void holidayRunsChainAcrossWeekends() {
        Map<String, List<String>> weekdays = new HashMap<>();
        for (String d : List.of("MON", "TUE", "WED", "THU", "FRI")) {
            weekdays.put(d, List.of("09:00-17:00"));
        }
        List<String> allWeekdays2027 = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2027-01-01"); d.getYear() == 2027; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                allWeekdays2027.add(d.toString());
            }
        }
        // Thursday 2026-12-31 and Monday 2028-01-03 are open; everything between is closed.
        assertMessage(rejected(CalendarSpec.of("UTC", weekdays, allWeekdays2027)),
                "from 2027-01-01 to 2028-01-02 (367 days)");
        List<String> allButOneWednesday = new ArrayList<>(allWeekdays2027);
        allButOneWednesday.remove("2027-06-16");
        BusinessCalendar cal = BusinessCalendar.of("support-eu", CalendarSpec.of("UTC", weekdays, allButOneWednesday), null);
        assertEquals(Instant.parse("2027-06-16T09:00:00Z"), cal.nextOpening(Instant.parse("2026-12-31T17:00:00Z")));
        assertEquals(Instant.parse("2028-01-03T09:00:00Z"), cal.nextOpening(Instant.parse("2027-06-16T17:00:00Z")));
    }

    @Test
    void holidaysCoveringEveryOpenDayOfAlwaysOpenCalendar() {
        List<String> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2027-01-01"); d.getYear() == 2027; d = d.plusDays(1)) {
            days.add(d.toString());
        }
        days.add("2028-01-01");
        assertMessage(rejected(new CalendarSpec("UTC", null, days, null, true)), "from 2027-01-01 to 2028-01-01 (366 days)");
    }

    @Test
    void aLongButFiniteClosureIsAcceptedAndScannedToItsEnd() {
        List<String> mondays = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-01-05"); d.isBefore(LocalDate.parse("2026-12-21")); d = d.plusWeeks(1)) {
            mondays.add(d.toString());
        }
        BusinessCalendar cal = BusinessCalendar.of("support-eu",
                CalendarSpec.of("UTC", Map.of("MON", List.of("09:00-17:00")), mondays), null);
        assertEquals(Instant.parse("2026-12-21T09:00:00Z"), cal.nextOpening(Instant.parse("2025-12-29T17:00:00Z")));
        assertEquals(Instant.parse("2026-12-21T09:01:00Z"), cal.addBusinessMinutes(Instant.parse("2025-12-29T17:00:00Z"), 1));
    }

    @Test
    void alwaysOpenExcludesHours() {
        CalendarSpec spec = new CalendarSpec("UTC", Map.of("MON", List.of("09:00-17:00")), null, null, true);
        assertMessage(rejected(spec), "always_open: true and hours are exclusive");
    }

    @Test
    void icalNeedsAFolderOrParsedDates() {
        CalendarSpec spec = new CalendarSpec("UTC", Map.of("MON", List.of("09:00-17:00")), null, "holidays/us.ics", null);
        assertMessage(rejected(spec), "ical file 'holidays/us.ics' needs the policy folder");
        CalendarValidationException missing = assertThrows(CalendarValidationException.class,
                () -> BusinessCalendar.of("support-eu", spec, null, Path.of("/nonexistent-policy-folder")));
        assertMessage(missing, "holidays/us.ics", "cannot be read");
        BusinessCalendar withDates = BusinessCalendar.of("support-eu", spec, null, List.of(LocalDate.parse("2026-06-01")));
        assertEquals(List.of(LocalDate.parse("2026-06-01")), List.copyOf(withDates.holidays()));
    }

    @Test
    void unparseableIcalFileNamesTheCalendarTheFileAndTheLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("bad.ics"),
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261225T090000Z\nEND:VEVENT\nEND:VCALENDAR\n");
        CalendarSpec spec = new CalendarSpec("UTC", Map.of("MON", List.of("09:00-17:00")), null, "bad.ics", null);
        CalendarValidationException e = assertThrows(CalendarValidationException.class,
                () -> BusinessCalendar.of("support-eu", spec, null, dir));
        assertMessage(e, "bad.ics", "line 3", "only all-day events");
    }

    @Test
    void specFromJsonRejectsUnknownKeysAndWrongShapes() {
        CalendarValidationException typo = assertThrows(CalendarValidationException.class, () -> Cals.spec("""
                timezone: UTC
                hours: {MON: ["09:00-17:00"]}
                holiday: ["2026-12-25"]
                """));
        assertEquals("test", typo.calendarName());
        assertTrue(typo.getMessage().contains("unknown key 'holiday'"), typo.getMessage());
        CalendarValidationException shape = assertThrows(CalendarValidationException.class, () -> Cals.spec("""
                timezone: UTC
                hours: "09:00-17:00"
                """));
        assertTrue(shape.getMessage().contains("hours"), shape.getMessage());
        assertThrows(CalendarValidationException.class, () -> CalendarSpec.fromJson("x", null));
    }
}
