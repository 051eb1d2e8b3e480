package io.viplane.sla.clock;

import static io.viplane.sla.clock.Fixtures.SLA;
import static io.viplane.sla.clock.Fixtures.at;
import static io.viplane.sla.clock.Fixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.PriorityLevel;
import io.viplane.model.SlaMetric;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import io.viplane.sla.PolicySlaTimes;
import io.viplane.sla.SlaTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaClocksTest {
    private static final SlaClocks CLOCKS = new SlaClocks(SLA);
    private static final SlaTime H24 = SlaTime.AROUND_THE_CLOCK;

    static List<MetricClock> of(SlaMetric metric, List<MetricClock> all) {
        return all.stream().filter(c -> c.metric() == metric).toList();
    }

    static MetricClock only(SlaMetric metric, SlaTicket t, SlaTime time, Instant now) {
        List<MetricClock> cs = of(metric, CLOCKS.evaluate(t, time, now));
        assertEquals(1, cs.size(), () -> metric + " cycles: " + cs);
        return cs.get(0);
    }

    @Nested
    class FirstResponse {
        @Test
        void runsFromCreationWithWarningAndDue() {
            MetricClock c = only(SlaMetric.FIRST_RESPONSE, ticket(Tier.T1, "10:00").build(), H24, at("10:05"));
            assertEquals(MetricClock.Phase.RUNNING, c.phase());
            assertEquals(at("10:00"), c.cycleStart());
            assertEquals(15, c.targetMinutes());
            assertEquals(5, c.elapsedMinutes());
            assertEquals(at("10:15"), c.dueAt());
            assertEquals(List.of(at("10:12")), c.warningAts(), "75% of 15 min rounds up to 12 min");
            assertEquals(List.of(12L), c.warningMinutes());
        }

        @Test
        void firstAgentReplyMeetsIt() {
            MetricClock c = only(SlaMetric.FIRST_RESPONSE, ticket(Tier.T1, "10:00").reply("10:09").reply("10:30").build(),
                    H24, at("11:00"));
            assertEquals(MetricClock.Phase.MET, c.phase());
            assertEquals(at("10:09"), c.metAt());
            assertEquals(9, c.elapsedMinutes());
            assertNull(c.breachedAt());
        }

        @Test
        void solvedWithoutReplyStopsIt() {
            MetricClock c = only(SlaMetric.FIRST_RESPONSE,
                    ticket(Tier.T1, "10:00").status("10:07", TicketStatus.SOLVED).build(), H24, at("11:00"));
            assertEquals(MetricClock.Phase.STOPPED, c.phase());
            assertEquals(at("10:07"), c.stoppedAt());
            assertEquals(7, c.elapsedMinutes());
            assertNull(c.breachedAt(), "stopped before its due time");
        }

        @Test
        void targetComesFromTheTicketAfterOverrides() {
            MetricClock c = only(SlaMetric.FIRST_RESPONSE, ticket(Tier.T2, "10:00").frTarget(10).build(), H24, at("10:01"));
            assertEquals(10, c.targetMinutes());
            assertEquals(at("10:10"), c.dueAt());
        }

        @Test
        void pausesWhilePendingAroundTheClock() {
            SlaTicket t = ticket(Tier.T1, "10:00").status("10:05", TicketStatus.PENDING)
                    .status("10:25", TicketStatus.OPEN).build();
            MetricClock paused = only(SlaMetric.FIRST_RESPONSE, t, H24, at("10:10"));
            assertEquals(MetricClock.Phase.PAUSED, paused.phase());
            assertNull(paused.dueAt(), "no due time while paused");
            assertEquals(5, paused.elapsedMinutes());
            assertEquals(List.of(new MetricClock.Pause(at("10:05"), null, 5)), paused.pauses());

            MetricClock resumed = only(SlaMetric.FIRST_RESPONSE, t, H24, at("10:30"));
            assertEquals(MetricClock.Phase.RUNNING, resumed.phase());
            assertEquals(10, resumed.elapsedMinutes(), "5 before the pause + 5 after");
            assertEquals(at("10:35"), resumed.dueAt(), "the 20-minute pause moves the due time by 20 minutes");
            assertEquals(at("10:32"), resumed.warningAts().get(0));
            assertEquals(List.of(new MetricClock.Pause(at("10:05"), at("10:25"), 5)), resumed.pauses());
        }

        @Test
        void factsAfterNowAreNotYetSeen() {
            SlaTicket t = ticket(Tier.T1, "10:00").reply("10:20").build();
            assertEquals(MetricClock.Phase.RUNNING, only(SlaMetric.FIRST_RESPONSE, t, H24, at("10:10")).phase());
            assertEquals(MetricClock.Phase.MET, only(SlaMetric.FIRST_RESPONSE, t, H24, at("10:20")).phase());
        }
    }

    @Nested
    class BusinessCalendar {
        // The shipped business-hours calendar: Mon-Fri 09:00-17:00 America/New_York (UTC-5 in January).
        private final SlaTime businessHours = new PolicySlaTimes(Fixtures.POLICY, null).resolve(Tier.T2, null);

        private Instant ny(String date, String hhmm) {
            return java.time.LocalDateTime.parse(date + "T" + hhmm).atZone(java.time.ZoneId.of("America/New_York")).toInstant();
        }

        @Test
        void dueSkipsTheNightAndPausesCount() {
            // Monday 2026-01-19 10:00 NY; PENDING 10:10..16:50; 30-minute T2 target.
            SlaTicket t = new SlaTicket(Tier.T2, PriorityLevel.P3, ny("2026-01-19", "10:00"), 30, null, List.of(), List.of(),
                    null, List.of(new StatusChange(ny("2026-01-19", "10:10"), TicketStatus.PENDING),
                    new StatusChange(ny("2026-01-19", "16:50"), TicketStatus.OPEN)));
            MetricClock c = only(SlaMetric.FIRST_RESPONSE, t, businessHours, ny("2026-01-20", "08:00"));
            assertEquals(MetricClock.Phase.RUNNING, c.phase());
            assertEquals(20, c.elapsedMinutes(), "10 before the pause, 10 from 16:50 to closing");
            assertEquals(ny("2026-01-20", "09:10"), c.dueAt(), "the remaining 10 minutes run Tuesday morning");
            // 75% of 30 = 22.5 -> 23 minutes: 3 minutes into Tuesday
            assertEquals(ny("2026-01-20", "09:03"), c.warningAts().get(0));
        }

        @Test
        void ticketCreatedAfterHoursStartsCountingAtOpening() {
            SlaTicket t = new SlaTicket(Tier.T2, PriorityLevel.P3, ny("2026-01-16", "18:00"), 30, null, List.of(), List.of(),
                    null, List.of());
            MetricClock c = only(SlaMetric.FIRST_RESPONSE, t, businessHours, ny("2026-01-17", "12:00"));
            assertEquals(0, c.elapsedMinutes(), "Friday evening and Saturday are outside business hours");
            assertEquals(ny("2026-01-19", "09:30"), c.dueAt());
        }
    }

    @Nested
    class NextReply {
        @Test
        void startsAtTheOldestUnansweredMessageAfterTheFirstResponse() {
            SlaTicket t = ticket(Tier.T1, "10:00").message("10:01").reply("10:05")
                    .message("10:10").message("10:20").build();
            MetricClock c = only(SlaMetric.NEXT_REPLY, t, H24, at("10:25"));
            assertEquals(at("10:10"), c.cycleStart(), "the 10:20 message does not move the clock");
            assertEquals(30, c.targetMinutes());
            assertEquals(at("10:40"), c.dueAt());
            assertEquals(15, c.elapsedMinutes());
        }

        @Test
        void noCycleBeforeTheFirstResponse() {
            SlaTicket t = ticket(Tier.T1, "10:00").message("10:01").message("10:03").build();
            assertTrue(of(SlaMetric.NEXT_REPLY, CLOCKS.evaluate(t, H24, at("10:30"))).isEmpty());
        }

        @Test
        void eachAnsweredRunIsOneMetCycle() {
            SlaTicket t = ticket(Tier.STANDARD, "10:00").reply("10:05").message("10:10").message("10:20")
                    .reply("10:30").message("10:35").build();
            List<MetricClock> cs = of(SlaMetric.NEXT_REPLY, CLOCKS.evaluate(t, H24, at("10:40")));
            assertEquals(2, cs.size());
            assertEquals(MetricClock.Phase.MET, cs.get(0).phase());
            assertEquals(at("10:30"), cs.get(0).metAt());
            assertEquals(20, cs.get(0).elapsedMinutes());
            assertEquals(240, cs.get(0).targetMinutes(), "standard next reply: 4 h");
            assertEquals(at("10:35"), cs.get(1).cycleStart());
            assertEquals(MetricClock.Phase.RUNNING, cs.get(1).phase());
        }

        @Test
        void reopenWithAMessageStillUnansweredRestartsTheClock() {
            SlaTicket t = ticket(Tier.T1, "10:00").reply("10:05").message("10:10")
                    .status("10:15", TicketStatus.SOLVED).status("11:00", TicketStatus.OPEN).build();
            List<MetricClock> cs = of(SlaMetric.NEXT_REPLY, CLOCKS.evaluate(t, H24, at("11:10")));
            assertEquals(2, cs.size(), cs::toString);
            assertEquals(MetricClock.Phase.STOPPED, cs.get(0).phase());
            assertEquals(at("10:15"), cs.get(0).stoppedAt());
            assertEquals(at("11:00"), cs.get(1).cycleStart());
            assertEquals(at("11:30"), cs.get(1).dueAt(), "a fresh 30 minutes from the reopen");
        }

        @Test
        void messageToASolvedTicketStartsTheClockWhenItReopens() {
            SlaTicket t = ticket(Tier.T1, "10:00").reply("10:05").status("10:06", TicketStatus.SOLVED)
                    .message("10:30").status("10:31", TicketStatus.OPEN).build();
            MetricClock c = only(SlaMetric.NEXT_REPLY, t, H24, at("10:40"));
            assertEquals(at("10:31"), c.cycleStart());
            assertEquals(9, c.elapsedMinutes());
        }
    }

    @Nested
    class Assignment {
        @Test
        void vipWithinFiveMinutesHighPriorityWithinThirty() {
            assertEquals(5, only(SlaMetric.ASSIGNMENT, ticket(Tier.T2, "10:00").build(), H24, at("10:01")).targetMinutes());
            assertEquals(5, only(SlaMetric.ASSIGNMENT, ticket(Tier.T1, "10:00").priority(PriorityLevel.P1).build(), H24,
                    at("10:01")).targetMinutes(), "the tightest applicable target wins");
            assertEquals(30, only(SlaMetric.ASSIGNMENT, ticket(Tier.STANDARD, "10:00").priority(PriorityLevel.P2).build(),
                    H24, at("10:01")).targetMinutes());
            assertTrue(of(SlaMetric.ASSIGNMENT, CLOCKS.evaluate(ticket(Tier.STANDARD, "10:00").build(), H24, at("10:01")))
                    .isEmpty(), "a normal-priority standard ticket has no assignment SLA");
        }

        @Test
        void metByTheFirstAssignment() {
            MetricClock c = only(SlaMetric.ASSIGNMENT, ticket(Tier.T1, "10:00").assigned("10:03").build(), H24, at("10:30"));
            assertEquals(MetricClock.Phase.MET, c.phase());
            assertEquals(3, c.elapsedMinutes());
        }
    }

    @Nested
    class AfterResolution {
        @Test
        void summaryAndFollowUpStartWhenSolved() {
            SlaTicket t = ticket(Tier.T1, "10:00").reply("10:05").status("12:00", TicketStatus.SOLVED)
                    .reply("13:00").build();
            MetricClock summary = only(SlaMetric.RESOLUTION_SUMMARY, t, H24, at("13:30"));
            assertEquals(MetricClock.Phase.MET, summary.phase());
            assertEquals(60, summary.elapsedMinutes());
            MetricClock followUp = only(SlaMetric.FOLLOW_UP, t, H24, at("13:30"));
            assertEquals(MetricClock.Phase.RUNNING, followUp.phase(),
                    "a reply within the summary window is not the follow-up");
            assertEquals(at("d2 12:00"), followUp.dueAt());
        }

        @Test
        void followUpMetByALaterReplyAndBreachedWithout() {
            SlaTicket met = ticket(Tier.T3, "10:00").reply("10:05").status("12:00", TicketStatus.SOLVED)
                    .reply("d2 11:00").build();
            MetricClock c = only(SlaMetric.FOLLOW_UP, met, H24, at("d2 12:00"));
            assertEquals(MetricClock.Phase.MET, c.phase());
            assertEquals(23 * 60, c.elapsedMinutes());
            assertTrue(of(SlaMetric.RESOLUTION_SUMMARY, CLOCKS.evaluate(met, H24, at("d2 12:00"))).isEmpty(),
                    "no resolution summary for T3");

            SlaTicket missed = ticket(Tier.T2, "10:00").reply("10:05").status("12:00", TicketStatus.SOLVED)
                    .status("d2 08:00", TicketStatus.CLOSED).build();
            assertEquals(at("d2 12:00"), only(SlaMetric.FOLLOW_UP, missed, H24, at("d2 12:00")).breachedAt(),
                    "closing is still resolved: it does not stop the follow-up");
        }

        @Test
        void standardTicketsHaveNeither() {
            SlaTicket t = ticket(Tier.STANDARD, "10:00").reply("10:05").status("12:00", TicketStatus.SOLVED).build();
            List<MetricClock> cs = CLOCKS.evaluate(t, H24, at("13:00"));
            assertTrue(of(SlaMetric.FOLLOW_UP, cs).isEmpty());
            assertTrue(of(SlaMetric.RESOLUTION_SUMMARY, cs).isEmpty());
        }

        @Test
        void reopenStopsTheSummaryAndTheNextSolveStartsANewCycle() {
            SlaTicket t = ticket(Tier.T1, "10:00").reply("10:05").status("12:00", TicketStatus.SOLVED)
                    .status("12:30", TicketStatus.OPEN).status("14:00", TicketStatus.SOLVED).build();
            List<MetricClock> cs = of(SlaMetric.RESOLUTION_SUMMARY, CLOCKS.evaluate(t, H24, at("14:10")));
            assertEquals(2, cs.size());
            assertEquals(MetricClock.Phase.STOPPED, cs.get(0).phase());
            assertEquals(at("12:30"), cs.get(0).stoppedAt());
            assertEquals(at("14:00"), cs.get(1).cycleStart());
            assertEquals(at("16:00"), cs.get(1).dueAt());
        }
    }

    @Nested
    class Resolution {
        private final SlaClocks clocks = new SlaClocks(SlaPolicy.fromPolicy(Fixtures.withShippedSlaKey("metrics", """
                        RESOLUTION:
                          clock: tier
                          start: CREATED
                          met_by: RESOLVED
                          stop_statuses: []
                          on_reopen: RESTART
                          targets: [{tiers: [T1], minutes: 480}]
                        """)));

        @Test
        void metBySolvingAndRestartedByAReopen() {
            SlaTicket t = ticket(Tier.T1, "10:00").status("11:00", TicketStatus.PENDING)
                    .status("11:30", TicketStatus.OPEN).status("12:00", TicketStatus.SOLVED)
                    .status("13:00", TicketStatus.OPEN).build();
            List<MetricClock> cs = clocks.evaluate(t, H24, at("13:10"));
            assertEquals(2, cs.size(), cs::toString);
            assertEquals(MetricClock.Phase.MET, cs.get(0).phase());
            assertEquals(90, cs.get(0).elapsedMinutes(), "two hours minus the 30-minute pause");
            assertEquals(at("13:00"), cs.get(1).cycleStart());
            assertEquals(at("21:00"), cs.get(1).dueAt());
        }
    }

    @Test
    void outOfOrderFactsGiveTheSameClocks() {
        SlaTicket inOrder = ticket(Tier.T1, "10:00").message("10:01").reply("10:05").message("10:10")
                .status("10:12", TicketStatus.PENDING).status("10:20", TicketStatus.OPEN).reply("10:30").build();
        SlaTicket shuffled = new SlaTicket(Tier.T1, PriorityLevel.P3, at("10:00"), 15, at("10:05"),
                List.of(at("10:30"), at("10:05")), List.of(at("10:10"), at("10:01")), null,
                List.of(new StatusChange(at("10:20"), TicketStatus.OPEN), new StatusChange(at("10:12"), TicketStatus.PENDING)));
        assertEquals(CLOCKS.evaluate(inOrder, H24, at("11:00")), CLOCKS.evaluate(shuffled, H24, at("11:00")));
        MetricClock next = only(SlaMetric.NEXT_REPLY, shuffled, H24, at("11:00"));
        assertEquals(12, next.elapsedMinutes(), "10:10-10:12 and 10:20-10:30");
    }
}
