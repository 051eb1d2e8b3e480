package io.viplane.sla.calendar;

import static io.viplane.sla.calendar.Cals.BERLIN;
import static io.viplane.sla.calendar.Cals.NEW_YORK;
import static io.viplane.sla.calendar.Cals.cal;
import static io.viplane.sla.calendar.Cals.local;
import static io.viplane.sla.calendar.Cals.offset;
import static io.viplane.sla.calendar.Cals.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Daylight-saving changes. America/New_York 2026: spring forward Sun 2026-03-08 02:00 EST ->
 * 03:00 EDT (07:00Z), fall back Sun 2026-11-01 02:00 EDT -> 01:00 EST (06:00Z).
 * Europe/Berlin 2026: spring forward Sun 2026-03-29 02:00 CET -> 03:00 CEST (01:00Z), fall back
 * Sun 2026-10-25 03:00 CEST -> 02:00 CET (01:00Z).
 */
class DaylightSavingTest {

    static final BusinessCalendar NY_ALL_DAY = cal("""
            timezone: America/New_York
            hours: {MON: ["00:00-24:00"], TUE: ["00:00-24:00"], WED: ["00:00-24:00"], THU: ["00:00-24:00"],
                    FRI: ["00:00-24:00"], SAT: ["00:00-24:00"], SUN: ["00:00-24:00"]}
            """);

    static final BusinessCalendar BERLIN_ALL_DAY = BusinessCalendar.of("berlin", Cals.spec("""
            timezone: America/New_York
            always_open: true
            holidays: ["2026-12-25"]
            """), BERLIN);

    @Test
    void transitionInstantsAreTheOnesTheTestsAssume() {
        assertEquals(utc("2026-03-08T07:00"), NEW_YORK.getRules().nextTransition(utc("2026-03-01T00:00")).getInstant());
        assertEquals(utc("2026-11-01T06:00"), NEW_YORK.getRules().nextTransition(utc("2026-10-01T00:00")).getInstant());
        assertEquals(utc("2026-03-29T01:00"), BERLIN.getRules().nextTransition(utc("2026-03-01T00:00")).getInstant());
        assertEquals(utc("2026-10-25T01:00"), BERLIN.getRules().nextTransition(utc("2026-10-01T00:00")).getInstant());
    }

    @ParameterizedTest(name = "{0}: a local day of {1} business minutes")
    @CsvSource({
            "2026-03-07, 1440", "2026-03-08, 1380", "2026-03-09, 1440",
            "2026-10-31, 1440", "2026-11-01, 1500", "2026-11-02, 1440"})
    void newYorkLocalDaysLastTheirRealLength(String date, long minutes) {
        Instant from = local(date + "T00:00", NEW_YORK);
        Instant to = local(java.time.LocalDate.parse(date).plusDays(1) + "T00:00", NEW_YORK);
        assertEquals(minutes, NY_ALL_DAY.businessMinutesBetween(from, to));
        assertEquals(to, NY_ALL_DAY.addBusinessMinutes(from, minutes));
    }

    @ParameterizedTest(name = "{0}: a local day of {1} business minutes")
    @CsvSource({"2026-03-28, 1440", "2026-03-29, 1380", "2026-10-25, 1500", "2026-10-26, 1440"})
    void berlinLocalDaysLastTheirRealLength(String date, long minutes) {
        Instant from = local(date + "T00:00", BERLIN);
        Instant to = local(java.time.LocalDate.parse(date).plusDays(1) + "T00:00", BERLIN);
        assertEquals(minutes, BERLIN_ALL_DAY.businessMinutesBetween(from, to));
        assertEquals(to, BERLIN_ALL_DAY.addBusinessMinutes(from, minutes));
    }

    @Test
    void clockRunsInRealTimeAcrossTheJumps() {
        // 01:30 EST + 30 min = 03:00 EDT: the skipped hour is not business time because it never happens.
        assertEquals(offset("2026-03-08T03:00-04:00"),
                NY_ALL_DAY.addBusinessMinutes(offset("2026-03-08T01:30-05:00"), 30));
        // 01:30 EDT + 60 min = 01:30 EST: the repeated hour is business time twice.
        assertEquals(offset("2026-11-01T01:30-05:00"),
                NY_ALL_DAY.addBusinessMinutes(offset("2026-11-01T01:30-04:00"), 60));
        assertEquals(offset("2026-10-25T02:30+01:00"),
                BERLIN_ALL_DAY.addBusinessMinutes(offset("2026-10-25T02:30+02:00"), 60));
    }

    @Test
    void officeHoursAreEightHoursOnEitherSideOfTheChange() {
        BusinessCalendar office = cal("""
                timezone: Europe/Berlin
                hours: {MON: ["08:00-16:00"], FRI: ["08:00-16:00"]}
                """);
        // Friday 27 March is CET (+1), Monday 30 March is CEST (+2): same local hours, other UTC hours.
        assertEquals(utc("2026-03-30T07:00"), office.addBusinessMinutes(local("2026-03-27T15:00", BERLIN), 120));
        assertEquals(480, office.businessMinutesBetween(local("2026-03-30T00:00", BERLIN), local("2026-03-31T00:00", BERLIN)));
        assertEquals(utc("2026-10-26T08:00"), office.addBusinessMinutes(local("2026-10-23T15:00", BERLIN), 120));
    }

    @Test
    void nightShiftOverTheChangeCountsRealHours() {
        BusinessCalendar sundayNight = cal("""
                timezone: America/New_York
                hours: {SUN: ["00:00-06:00"]}
                """);
        // 00:00 EST (05:00Z) to 06:00 EDT (10:00Z) is 5 real hours; in autumn 00:00 EDT to 06:00 EST is 7.
        assertEquals(300, sundayNight.businessMinutesBetween(utc("2026-03-08T00:00"), utc("2026-03-09T00:00")));
        assertEquals(420, sundayNight.businessMinutesBetween(utc("2026-11-01T00:00"), utc("2026-11-02T00:00")));
        assertEquals(utc("2026-03-08T10:00"), sundayNight.addBusinessMinutes(utc("2026-03-08T05:00"), 300));
        assertEquals(local("2026-03-15T00:01", NEW_YORK), sundayNight.addBusinessMinutes(utc("2026-03-08T05:00"), 301));
        assertEquals(utc("2026-11-01T11:00"), sundayNight.addBusinessMinutes(utc("2026-11-01T04:00"), 420));
        assertTrue(sundayNight.isOpen(offset("2026-11-01T01:30-04:00")));
        assertTrue(sundayNight.isOpen(offset("2026-11-01T01:30-05:00")));
    }

    @Test
    void rangeBoundaryInsideTheSpringGapMapsToTheJump() {
        BusinessCalendar cal = cal("""
                timezone: America/New_York
                hours: {SUN: ["01:00-02:30", "02:30-03:30"]}
                """);
        // 02:30 never shows on 2026-03-08; both ranges meet at the jump (07:00Z) and stay back to back.
        assertEquals(60, cal.businessMinutesBetween(utc("2026-03-08T06:00"), utc("2026-03-08T07:00")));
        assertEquals(90, cal.businessMinutesBetween(utc("2026-03-08T00:00"), utc("2026-03-09T00:00")));
        assertEquals(offset("2026-03-08T03:30-04:00"), cal.addBusinessMinutes(offset("2026-03-08T01:00-05:00"), 90));
        // On an ordinary Sunday the same ranges are 2.5 hours.
        assertEquals(150, cal.businessMinutesBetween(local("2026-03-15T00:00", NEW_YORK), local("2026-03-16T00:00", NEW_YORK)));
    }

    @Test
    void rangeWhollyInsideTheSpringGapHasNoTime() {
        BusinessCalendar cal = cal("""
                timezone: America/New_York
                hours: {SUN: ["02:00-03:00"], MON: ["09:00-10:00"]}
                """);
        assertEquals(0, cal.businessMinutesBetween(utc("2026-03-08T00:00"), utc("2026-03-09T00:00")));
        assertEquals(local("2026-03-09T09:00", NEW_YORK), cal.nextOpening(local("2026-03-08T00:00", NEW_YORK)));
        assertEquals(local("2026-03-15T02:00", NEW_YORK), cal.nextOpening(local("2026-03-09T10:00", NEW_YORK)));
    }

    @Test
    void rangeInsideTheAutumnOverlapUsesTheFirstOccurrence() {
        BusinessCalendar cal = cal("""
                timezone: America/New_York
                hours: {SUN: ["01:00-01:30", "01:30-02:00"]}
                """);
        // 01:00 EDT (05:00Z) .. 01:30 EDT (05:30Z) .. 02:00 EST (07:00Z): 30 + 90 real minutes.
        assertEquals(120, cal.businessMinutesBetween(utc("2026-11-01T00:00"), utc("2026-11-02T00:00")));
        assertEquals(utc("2026-11-01T05:30"), cal.addBusinessMinutes(utc("2026-11-01T05:00"), 30));
        assertTrue(cal.isOpen(offset("2026-11-01T01:15-05:00")));
        BusinessCalendar firstHalfOnly = cal("""
                timezone: America/New_York
                hours: {SUN: ["01:00-01:30"]}
                """);
        assertEquals(30, firstHalfOnly.businessMinutesBetween(utc("2026-11-01T00:00"), utc("2026-11-02T00:00")));
        assertFalse(firstHalfOnly.isOpen(offset("2026-11-01T01:15-05:00")));
    }

    @Test
    void zoneWithTransitionAtMidnightStaysContinuous() {
        // America/Santiago changes at local midnight, so 00:00 itself is skipped or repeated.
        BusinessCalendar santiago = BusinessCalendar.of("cl", Cals.spec("""
                always_open: true
                holidays: ["2030-01-01"]
                """), java.time.ZoneId.of("America/Santiago"));
        Instant start = utc("2026-03-01T00:00");
        Instant end = utc("2026-12-01T00:00");
        assertEquals(java.time.Duration.between(start, end), santiago.businessTimeBetween(start, end));
        assertEquals(end, santiago.addBusinessTime(start, java.time.Duration.between(start, end)));
    }
}
