package io.viplane.sla.calendar;

import static io.viplane.sla.calendar.Cals.cal;
import static io.viplane.sla.calendar.Cals.local;
import static io.viplane.sla.calendar.Cals.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden cases published by other help desks and business-time libraries. Each case cites where
 * its numbers come from; where a source gives weekdays but no date or zone, the comment says
 * which date and zone were chosen. Calendars are written in this project's YAML form.
 */
class GoldenCasesTest {

    /** Checks that the calendar's open periods from {@code origin} on are exactly {@code periods}. */
    private static void assertPeriods(BusinessCalendar cal, Instant origin, List<Instant[]> periods) {
        Instant cursor = origin;
        for (Instant[] p : periods) {
            assertEquals(p[0], cal.nextOpening(cursor), "period start after " + cursor);
            assertTrue(cal.isOpen(p[1].minusNanos(1)), "open until just before " + p[1]);
            assertFalse(cal.isOpen(p[1]), "closed at " + p[1]);
            assertEquals(Duration.between(p[0], p[1]), cal.businessTimeBetween(p[0], p[1]));
            cursor = p[1];
        }
    }

    private static Instant[] period(Instant start, Instant end) {
        return new Instant[] {start, end};
    }

    /**
     * zendesk/biz, the business-time gem Zammad uses for its escalations.
     */
    @Nested
    class ZendeskBizGem {
        // Source: the biz 1.7.0 README ("Configuration" and "Usage"), as vendored by Zammad:
        // https://github.com/zammad/zammad/blob/19b358bbaa03bf6aaf6ce70b7a8d4e54b5290fa1/vendor/bundle/ruby/2.4.0/gems/biz-1.7.0/README.md
        // (upstream: https://github.com/zendesk/biz). The README's config also has breaks (on
        // 2006 dates), which this project does not model and which do not touch the 2015 examples.
        final BusinessCalendar readme = cal("""
                timezone: America/Los_Angeles
                hours:
                  mon: ["09:00-17:00"]
                  tue: ["00:00-24:00"]
                  wed: ["09:00-17:00"]
                  thu: ["09:00-12:00", "13:00-17:00"]
                  sat: ["10:00-14:00"]
                holidays: ["2016-01-01", "2016-12-25"]
                """);

        @Test
        void readmeTimelineAfterAnOrigin() {
            // README: Biz.periods.after(Time.utc(2015, 1, 10, 10)).timeline.until(Time.utc(2015, 1, 17, 10))
            // lists these six segments (PST, UTC-8).
            List<Instant[]> segments = List.of(
                    period(utc("2015-01-10T18:00"), utc("2015-01-10T22:00")),
                    period(utc("2015-01-12T17:00"), utc("2015-01-13T01:00")),
                    period(utc("2015-01-13T08:00"), utc("2015-01-14T08:00")),
                    period(utc("2015-01-14T17:00"), utc("2015-01-15T01:00")),
                    period(utc("2015-01-15T17:00"), utc("2015-01-15T20:00")),
                    period(utc("2015-01-15T21:00"), utc("2015-01-16T01:00")));
            assertPeriods(readme, utc("2015-01-10T10:00"), segments);
            assertEquals(Duration.ofHours(51), readme.businessTimeBetween(utc("2015-01-10T10:00"), utc("2015-01-17T10:00")));
            assertEquals(utc("2015-01-16T01:00"), readme.addBusinessTime(utc("2015-01-10T10:00"), Duration.ofHours(51)));
        }

        @Test
        void readmeTimelineForADurationBeforeAnOrigin() {
            // README: Biz.periods.before(Time.utc(2015, 5, 5, 12, 34, 57)).timeline
            //   .for(Biz::Duration.minutes(3_598)) goes back to 2015-04-27 20:36:57 UTC (PDT, UTC-7).
            Instant earliest = Instant.parse("2015-04-27T20:36:57Z");
            Instant origin = Instant.parse("2015-05-05T12:34:57Z");
            assertEquals(origin, readme.addBusinessMinutes(earliest, 3_598));
            assertEquals(Duration.ofMinutes(3_598), readme.businessTimeBetween(earliest, origin));
            assertPeriods(readme, earliest, List.of(
                    period(earliest, utc("2015-04-28T00:00")),
                    period(utc("2015-04-28T07:00"), utc("2015-04-29T07:00")),
                    period(utc("2015-04-29T16:00"), utc("2015-04-30T00:00")),
                    period(utc("2015-04-30T16:00"), utc("2015-04-30T19:00")),
                    period(utc("2015-04-30T20:00"), utc("2015-05-01T00:00")),
                    period(utc("2015-05-02T17:00"), utc("2015-05-02T21:00")),
                    period(utc("2015-05-04T16:00"), utc("2015-05-05T00:00"))));
        }

        // The specs' default schedule: helper `schedule` in
        // https://github.com/zendesk/biz/blob/0fb58f6c4dc994f38ef9dc6b7de9f5da5bf92af2/spec/support/time.rb
        // (mon 9-17, tue 10-16, wed 9-17, thu 10-16, fri 9-17, sat 11-14:30, Etc/UTC, no holidays).
        static final String SPEC_HOURS = """
                timezone: Etc/UTC
                hours:
                  mon: ["09:00-17:00"]
                  tue: ["10:00-16:00"]
                  wed: ["09:00-17:00"]
                  thu: ["10:00-16:00"]
                  fri: ["09:00-17:00"]
                  sat: ["11:00-14:30"]
                """;

        @Test
        void forDurationSpec() {
            // https://github.com/zendesk/biz/blob/0fb58f6c4dc994f38ef9dc6b7de9f5da5bf92af2/spec/calculation/for_duration_spec.rb:
            // 19 hours after Time.utc(2006, 1, 2, 11) is Time.utc(2006, 1, 4, 16), and 19 hours
            // before Time.utc(2006, 1, 4, 16) is Time.utc(2006, 1, 2, 11).
            BusinessCalendar cal = cal(SPEC_HOURS);
            assertEquals(utc("2006-01-04T16:00"), cal.addBusinessTime(utc("2006-01-02T11:00"), Duration.ofHours(19)));
            assertEquals(Duration.ofHours(19), cal.businessTimeBetween(utc("2006-01-02T11:00"), utc("2006-01-04T16:00")));
        }

        @Test
        void durationWithinSpec() {
            // https://github.com/zendesk/biz/blob/0fb58f6c4dc994f38ef9dc6b7de9f5da5bf92af2/spec/calculation/duration_within_spec.rb:
            // 2006-01-01..2006-01-08 is 39.5 hours; a reversed or empty span is zero.
            BusinessCalendar cal = cal(SPEC_HOURS);
            assertEquals(Duration.ofMinutes(39 * 60 + 30), cal.businessTimeBetween(utc("2006-01-01T00:00"), utc("2006-01-08T00:00")));
            assertEquals(Duration.ZERO, cal.businessTimeBetween(utc("2006-01-08T00:00"), utc("2006-01-01T00:00")));
            assertEquals(Duration.ZERO, cal.businessTimeBetween(utc("2006-01-01T00:00"), utc("2006-01-01T00:00")));
        }

        @Test
        void periodsAfterSpec() {
            // https://github.com/zendesk/biz/blob/049cc1332794a5962a32520cdfbe50d37852fe41/spec/periods/after_spec.rb (holidays
            // 2006-01-16 and 2006-01-18): one week from 2006-01-01; a partial first period from
            // 2006-01-02 12:00; holidays skipped from 2006-01-14.
            BusinessCalendar cal = cal(SPEC_HOURS + "holidays: [\"2006-01-16\", \"2006-01-18\"]\n");
            assertPeriods(cal, utc("2006-01-01T00:00"), List.of(
                    period(utc("2006-01-02T09:00"), utc("2006-01-02T17:00")),
                    period(utc("2006-01-03T10:00"), utc("2006-01-03T16:00")),
                    period(utc("2006-01-04T09:00"), utc("2006-01-04T17:00")),
                    period(utc("2006-01-05T10:00"), utc("2006-01-05T16:00")),
                    period(utc("2006-01-06T09:00"), utc("2006-01-06T17:00")),
                    period(utc("2006-01-07T11:00"), utc("2006-01-07T14:30"))));
            assertEquals(utc("2006-01-02T12:00"), cal.nextOpening(utc("2006-01-02T12:00")));
            assertEquals(Duration.ofHours(5), cal.businessTimeBetween(utc("2006-01-02T12:00"), utc("2006-01-02T18:00")));
            assertPeriods(cal, utc("2006-01-14T00:00"), List.of(
                    period(utc("2006-01-14T11:00"), utc("2006-01-14T14:30")),
                    period(utc("2006-01-17T10:00"), utc("2006-01-17T16:00")),
                    period(utc("2006-01-19T10:00"), utc("2006-01-19T16:00"))));
        }

        @Test
        void periodsAfterSpecOriginNearTheBeginningOfTheWeek() {
            // Same file, "when the origin is near the beginning of the week": sat 06:00-18:00
            // America/Los_Angeles from Saturday 2006-01-07 17:00 local gives 17:00-18:00 local.
            ZoneId la = ZoneId.of("America/Los_Angeles");
            BusinessCalendar cal = cal("""
                    timezone: America/Los_Angeles
                    hours: {sat: ["06:00-18:00"]}
                    """);
            assertPeriods(cal, local("2006-01-07T17:00", la),
                    List.<Instant[]>of(period(local("2006-01-07T17:00", la), local("2006-01-07T18:00", la))));
        }

        @Test
        void divergesFromBizOnARangeStartingInsideTheSpringForwardGap() {
            // Same file, "when an empty interval is generated": sun 02:30-03:15, mon 09:00-17:00
            // in America/Los_Angeles; on 2006-04-02 the clocks jump from 02:00 to 03:00, and biz
            // drops the Sunday range, so its first period is Monday 09:00-17:00.
            // This project deliberately differs (see BusinessCalendar javadoc): 02:30 never shows,
            // so the range starts at the jump and lasts the 15 real minutes 03:00-03:15 PDT
            // during which the clock shows a time inside it. From Monday on, both agree.
            ZoneId la = ZoneId.of("America/Los_Angeles");
            BusinessCalendar cal = cal("""
                    timezone: America/Los_Angeles
                    hours: {sun: ["02:30-03:15"], mon: ["09:00-17:00"]}
                    """);
            assertPeriods(cal, local("2006-04-02T00:00", la), List.of(
                    period(local("2006-04-02T03:00", la), local("2006-04-02T03:15", la)),
                    period(local("2006-04-03T09:00", la), local("2006-04-03T17:00", la))));
        }
    }

    /**
     * Zammad's SLA unit test, test/unit/ticket_sla_test.rb at commit
     * 0d1d86511f20981defe9fcf8fdca403a4b6f5f61
     * (https://github.com/zammad/zammad/blob/0d1d86511f20981defe9fcf8fdca403a4b6f5f61/test/unit/ticket_sla_test.rb).
     * Escalation times there are "created_at + SLA minutes" in the calendar; *_in_min values are
     * business minutes between two times.
     */
    @Nested
    class Zammad {
        // Calendar "EU 1": Europe/Berlin, Mon-Fri 09:00-17:00. Ticket created 2013-03-21 09:30 UTC;
        // SLA 60/180/240 gives 10:30/12:30/13:30 UTC, then first response 120 gives 11:30 UTC.
        @ParameterizedTest(name = "EU 1: +{0} min = {1}")
        @CsvSource({"60, 2013-03-21T10:30", "120, 2013-03-21T11:30", "180, 2013-03-21T12:30", "240, 2013-03-21T13:30"})
        void eu1(long minutes, String deadline) {
            BusinessCalendar eu1 = cal("""
                    timezone: Europe/Berlin
                    hours: {mon: ["09:00-17:00"], tue: ["09:00-17:00"], wed: ["09:00-17:00"],
                            thu: ["09:00-17:00"], fri: ["09:00-17:00"]}
                    """);
            assertEquals(utc(deadline), eu1.addBusinessMinutes(utc("2013-03-21T09:30"), minutes));
        }

        final BusinessCalendar eu2 = cal("""
                timezone: Europe/Berlin
                hours: {mon: ["08:00-18:00"], tue: ["08:00-18:00"], wed: ["08:00-18:00"],
                        thu: ["08:00-18:00"], fri: ["08:00-18:00"]}
                """);

        @Test
        void eu2Escalations() {
            // "test sla 2" on calendar "EU 2" (Mon-Fri 08:00-18:00 Berlin): 60/120/180 minutes
            // from 2013-03-21 09:30 UTC escalate at 10:30/11:30/12:30 UTC.
            assertEquals(utc("2013-03-21T10:30"), eu2.addBusinessMinutes(utc("2013-03-21T09:30"), 60));
            assertEquals(utc("2013-03-21T11:30"), eu2.addBusinessMinutes(utc("2013-03-21T09:30"), 120));
            assertEquals(utc("2013-03-21T12:30"), eu2.addBusinessMinutes(utc("2013-03-21T09:30"), 180));
        }

        @ParameterizedTest(name = "EU 2: 2013-03-21T09:30Z .. {0} = {1} min")
        @CsvSource({
                "2013-03-21T10:00, 30",   // first_response_in_min verify 3
                "2013-03-21T14:00, 270",  // first_response_in_min verify 4
                "2013-03-21T11:00, 90",   // update_in_min verify 5
                "2013-03-21T12:00, 150",  // update_in_min verify 6
                "2013-03-21T12:05, 155",
                "2013-03-21T12:10, 160",
                "2013-03-21T11:30, 120",  // close_in_min verify 7
                "2013-03-21T13:00, 210"}) // close_in_min verify 8
        void eu2MinutesSinceCreation(String at, long minutes) {
            assertEquals(minutes, eu2.businessMinutesBetween(utc("2013-03-21T09:30"), utc(at)));
        }

        @Test
        void eu2ResponseBeforeOpeningCountsZeroMinutes() {
            // Created 2013-03-28 23:49 UTC (Friday 00:49 CET), agent reply 2013-03-29 07:00:03 UTC:
            // first_response_in_min 0, because the calendar opened at 08:00 CET = 07:00 UTC.
            assertEquals(0, eu2.businessMinutesBetween(utc("2013-03-28T23:49"), utc("2013-03-29T07:00:03")));
            assertEquals(Duration.ofSeconds(3), eu2.businessTimeBetween(utc("2013-03-28T23:49"), utc("2013-03-29T07:00:03")));
        }

        // Calendars "EU 3" and "EU 4": every day 08:00-17:00 Berlin; EU 4 has holiday 2015-09-22
        // ('2015-09-23' is listed but inactive, so it is not a holiday).
        @ParameterizedTest(name = "EU 3/4: {0} + {1} min = {2}")
        @CsvSource({
                "2013-03-21T09:30, 120, 2013-03-21T11:30", "2013-03-21T09:30, 180, 2013-03-21T12:30",
                "2013-03-21T09:30, 240, 2013-03-21T13:30",
                "2013-10-21T09:30, 120, 2013-10-21T11:30", "2013-10-21T09:30, 180, 2013-10-21T12:30",
                "2013-10-21T09:30, 240, 2013-10-21T13:30",
                "2013-10-21T05:30, 120, 2013-10-21T08:00", "2013-10-21T05:30, 180, 2013-10-21T09:00",
                "2013-10-21T05:30, 240, 2013-10-21T10:00",
                "2015-09-21T14:30, 120, 2015-09-23T07:30", "2015-09-21T14:30, 180, 2015-09-23T08:30",
                "2015-09-21T14:30, 240, 2015-09-23T09:30"})
        void eu4EveryDayWithAHoliday(String start, long minutes, String deadline) {
            BusinessCalendar eu4 = cal("""
                    timezone: Europe/Berlin
                    hours: {mon: ["08:00-17:00"], tue: ["08:00-17:00"], wed: ["08:00-17:00"], thu: ["08:00-17:00"],
                            fri: ["08:00-17:00"], sat: ["08:00-17:00"], sun: ["08:00-17:00"]}
                    holidays: ["2015-09-22"]
                    """);
            assertEquals(utc(deadline), eu4.addBusinessMinutes(utc(start), minutes));
        }

        @Test
        void ticketCreatedOnAHoliday() {
            // 'ticket sla + holiday 222' and 'ticket sla + observer check': Mon-Fri 08:00-20:00
            // Berlin, holiday 2016-11-01; ticket created on the holiday at 13:56:21 UTC.
            BusinessCalendar eu = cal("""
                    timezone: Europe/Berlin
                    hours: {mon: ["08:00-20:00"], tue: ["08:00-20:00"], wed: ["08:00-20:00"],
                            thu: ["08:00-20:00"], fri: ["08:00-20:00"]}
                    holidays: ["2016-11-01"]
                    """);
            Instant created = Instant.parse("2016-11-01T13:56:21Z");
            assertEquals(utc("2016-11-02T08:00"), eu.addBusinessMinutes(created, 60));
            assertEquals(utc("2016-11-02T09:00"), eu.addBusinessMinutes(created, 120));
            assertEquals(utc("2016-11-03T15:00"), eu.addBusinessMinutes(created, 1200));
            // After the calendar is changed to 04:00-20:00, the 60-minute first response is 04:00 UTC.
            BusinessCalendar early = cal("""
                    timezone: Europe/Berlin
                    hours: {mon: ["04:00-20:00"], tue: ["04:00-20:00"], wed: ["04:00-20:00"],
                            thu: ["04:00-20:00"], fri: ["04:00-20:00"]}
                    holidays: ["2016-11-01"]
                    """);
            assertEquals(utc("2016-11-02T04:00"), early.addBusinessMinutes(created, 60));
        }
    }

    /**
     * ServiceNow, "Using DurationCalculator to calculate a due date" (Australia release), read as
     * https://github.com/ServiceNow/ServiceNowDocs/blob/28eead27e6a87a2c13b067ba9580e0ceac040da4/markdown/api-reference/scripts/c_DrtnClDueDate.md
     * (the same page is published at servicenow.com/docs, section c_DrtnClDueDate). Schedule
     * "8-5 weekdays excluding holidays", GMT. The page does not list the schedule's holidays;
     * its 25-29 May 2012 example "spans a weekend and holiday", i.e. Memorial Day, Monday 28 May
     * 2012, which is taken here from a yearly iCalendar rule.
     */
    @Nested
    class ServiceNow {
        final BusinessCalendar eightToFive = BusinessCalendar.of("8-5 weekdays excluding holidays", Cals.spec("""
                timezone: GMT
                hours: {mon: ["08:00-17:00"], tue: ["08:00-17:00"], wed: ["08:00-17:00"],
                        thu: ["08:00-17:00"], fri: ["08:00-17:00"]}
                """), null, IcalHolidays.parse("""
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20100531
                RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO
                SUMMARY:Memorial Day
                END:VEVENT
                END:VCALENDAR
                """, 2012));

        @Test
        void dueDates() {
            // "Middle of night + 1 hour (with 8-5 schedule)": 2012-05-03 02:00 -> 9:00 am.
            assertEquals(utc("2012-05-03T09:00"), eightToFive.addBusinessMinutes(utc("2012-05-03T02:00"), 60));
            // "Afternoon + 4 hour (with 8-5 schedule)": 2012-05-03 15:00 -> 10:00 am the next day.
            assertEquals(utc("2012-05-04T10:00"), eightToFive.addBusinessMinutes(utc("2012-05-03T15:00"), 240));
        }

        @Test
        void scheduleDurations() {
            // calcScheduleDuration("2012-05-23 12:00:00", "2012-05-24 12:00:00") = 32400 s (9 hours).
            assertEquals(Duration.ofSeconds(32_400),
                    eightToFive.businessTimeBetween(utc("2012-05-23T12:00"), utc("2012-05-24T12:00")));
            // calcScheduleDuration("2012-05-25 12:00:00", "2012-05-29 12:00:00") = 32400 s: weekend and holiday.
            assertEquals(Duration.ofSeconds(32_400),
                    eightToFive.businessTimeBetween(utc("2012-05-25T12:00"), utc("2012-05-29T12:00")));
            // "the number of work hours from noon Monday to noon Tuesday is nine hours" (no date
            // given; Monday 21 May 2012 chosen).
            assertEquals(540, eightToFive.businessMinutesBetween(utc("2012-05-21T12:00"), utc("2012-05-22T12:00")));
        }

        @Test
        void weekdaysScheduleTwoDaysFromFridayFivePm() {
            // Same page: with schedule "weekdays" (Monday through Friday, whole days), a start of
            // Friday 5:00 pm plus a duration of two days is due Tuesday 5:00 pm (no date given;
            // Friday 4 May 2012 chosen, GMT).
            BusinessCalendar weekdays = cal("""
                    timezone: GMT
                    hours: {mon: ["00:00-24:00"], tue: ["00:00-24:00"], wed: ["00:00-24:00"],
                            thu: ["00:00-24:00"], fri: ["00:00-24:00"]}
                    """);
            assertEquals(utc("2012-05-08T17:00"), weekdays.addBusinessTime(utc("2012-05-04T17:00"), Duration.ofDays(2)));
            // Without a schedule (24/7) the same addition ends on Sunday 5:00 pm.
            assertEquals(utc("2012-05-06T17:00"), BusinessCalendar.always().addBusinessTime(utc("2012-05-04T17:00"),
                    Duration.ofDays(2)));
        }
    }

    /**
     * Vendor documentation of business-hours SLAs. None of these pages gives a date or a time
     * zone, so each case uses a week of June 2026 (Monday 1 June) in UTC.
     */
    @Nested
    class HelpDeskDocumentation {
        final BusinessCalendar nineToFive = cal("""
                timezone: UTC
                hours: {mon: ["09:00-17:00"], tue: ["09:00-17:00"], wed: ["09:00-17:00"],
                        thu: ["09:00-17:00"], fri: ["09:00-17:00"]}
                """);

        @Test
        void zendeskFridayAfternoonTwoHourTarget() {
            // Zendesk Customer Care (Amy Dee) in the Zendesk community thread "SLA badge to
            // calculate in Business hours",
            // https://support.zendesk.com/hc/es/community/posts/4408868203034-SLA-badge-to-calculate-in-Business-hours :
            // at 4pm on a Friday, a 2-hour target in calendar hours is due at 6pm the same day; in
            // business hours on a weekday 9-5 schedule it is due at 10am on Monday.
            assertEquals(utc("2026-06-08T10:00"), nineToFive.addBusinessMinutes(utc("2026-06-05T16:00"), 120));
            assertEquals(utc("2026-06-05T18:00"), BusinessCalendar.always().addBusinessMinutes(utc("2026-06-05T16:00"), 120));
        }

        @Test
        void airclouFridayFourPmFourHourFirstReply() {
            // https://airclou.com/docs/helpdesk/admin/business-hours : Mon-Fri 09:00-17:00; "A ticket
            // created at 16:00 on Friday with a 4-hour first-reply target is not due until 12:00 on Monday".
            assertEquals(utc("2026-06-08T12:00"), nineToFive.addBusinessMinutes(utc("2026-06-05T16:00"), 240));
        }

        @Test
        void switchlabsThursdayAndOvernightTickets() {
            // https://crm.switchlabs.dev/guide/slas/business-hours : 4 business hours, 9 AM - 5 PM,
            // created Thursday 3 PM -> due Friday 11 AM; created Wednesday 6 PM -> timer starts Thursday 9 AM.
            assertEquals(utc("2026-06-05T11:00"), nineToFive.addBusinessMinutes(utc("2026-06-04T15:00"), 240));
            assertEquals(utc("2026-06-04T09:00"), nineToFive.nextOpening(utc("2026-06-03T18:00")));
        }

        @Test
        void eccentexEightWorkingHoursFromTuesday() {
            // https://docs.eccentex.com/doc1/business-hours-setup : SLA 8 WORKHOUR, Monday - Friday
            // 9:00 am to 5:00 pm, case created Tuesday 11:00 am -> due Wednesday 11:00 am.
            assertEquals(utc("2026-06-03T11:00"), nineToFive.addBusinessMinutes(utc("2026-06-02T11:00"), 480));
        }
    }
}
