package io.viplane.notify.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.AtRiskAccount;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.RiskLevel;
import io.viplane.model.Tier;
import io.viplane.notify.Notice;
import io.viplane.notify.Notices;
import io.viplane.notify.Samples;
import io.viplane.notify.TicketContext;
import io.viplane.notify.channel.ChannelType;
import io.viplane.sla.calendar.BusinessCalendar;
import io.viplane.sla.calendar.CalendarSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped routes (topology/notify/white-glove.yaml) against the policy's business-hours calendar. */
class RouteRulesTest {
    static final Map<String, ChannelType> CHANNELS = Map.of("vip-pool", ChannelType.SLACK_WEBHOOK,
            "support-managers", ChannelType.SLACK_API, "team-leads", ChannelType.SLACK_API,
            "support-vp-pager", ChannelType.PAGERDUTY, "csm-teams", ChannelType.TEAMS, "crm-webhook", ChannelType.WEBHOOK);
    // New York business hours Mon-Fri 09:00-17:00, as in white-glove.yaml
    static final BusinessCalendar NY = BusinessCalendar.of("business-hours", CalendarSpec.of("America/New_York",
            Map.of("MON", List.of("09:00-17:00"), "TUE", List.of("09:00-17:00"), "WED", List.of("09:00-17:00"),
                    "THU", List.of("09:00-17:00"), "FRI", List.of("09:00-17:00")), List.of()), ZoneId.of("America/New_York"));
    static final Instant WED_OPEN = Instant.parse("2026-01-14T15:00:00Z");   // Wed 10:00 New York
    static final Instant SAT = Instant.parse("2026-01-17T15:00:00Z");        // Sat 10:00 New York
    static final Instant MON_OPEN = Instant.parse("2026-01-19T14:00:00Z");   // Mon 09:00 New York

    private final RouteRules rules = rules();

    static RouteRules rules() {
        RoutesFile f = RoutesFile.load(Path.of("topology/notify/white-glove.yaml"), CHANNELS);
        return new RouteRules(f.routes(), f.urgent(), NY);
    }

    private static Notice esc(Tier tier, EscalationKind kind, EscalationTarget target, String priority) {
        TicketContext ctx = new TicketContext(priority, null, "OPEN", null, null, null, null, null);
        return Notices.fromEscalation(Samples.escalation("e-" + tier + kind + target, "tkt-" + tier, tier, kind, target,
                List.of(), WED_OPEN), ctx);
    }

    private static Map<String, Plan> byChannel(List<Plan> plans) {
        return plans.stream().collect(Collectors.toMap(Plan::channel, p -> p));
    }

    @Test
    void aT1BreachPagesTheVpAndReachesThePoolAtOnceEvenOnASaturday() {
        Map<String, Plan> p = byChannel(rules.plan(esc(Tier.T1, EscalationKind.SLA_BREACH, EscalationTarget.SUPPORT_VP, "P3"), SAT));
        assertEquals(Map.of("support-vp-pager", true, "vip-pool", true, "crm-webhook", true),
                p.values().stream().collect(Collectors.toMap(Plan::channel, Plan::now)));
    }

    @Test
    void aT3TeamLeadEscalationWaitsForMondayOpeningButGoesNowDuringHours() {
        Notice n = esc(Tier.T3, EscalationKind.NEGATIVE_SENTIMENT, EscalationTarget.TEAM_LEAD, "P3");
        Map<String, Plan> sat = byChannel(rules.plan(n, SAT));
        assertEquals(MON_OPEN, sat.get("team-leads").releaseAt());
        assertEquals(MON_OPEN, sat.get("vip-pool").releaseAt());
        assertTrue(sat.get("crm-webhook").now(), "the webhook route is immediate");
        Map<String, Plan> wed = byChannel(rules.plan(n, WED_OPEN));
        assertTrue(wed.get("team-leads").now());
    }

    @Test
    void aP1NeverWaitsWhateverTheTier() {
        Map<String, Plan> p = byChannel(rules.plan(esc(Tier.STANDARD, EscalationKind.NEGATIVE_SENTIMENT,
                EscalationTarget.TEAM_LEAD, "P1"), SAT));
        assertTrue(p.get("team-leads").now());
        assertEquals(2, p.size(), "STANDARD does not reach the VIP pool");
    }

    @Test
    void executiveContactReachesTheCsmWithinMinutesAtAnyHour() {
        Map<String, Plan> p = byChannel(rules.plan(esc(Tier.T2, EscalationKind.EXEC_CONTACT, EscalationTarget.ACCOUNT_MANAGER, null), SAT));
        assertTrue(p.get("csm-teams").now());
    }

    @Test
    void mediumRiskGoesIntoTheNextDaysDigestHighRiskWaitsForHoursCriticalNever() {
        Map<String, Plan> medium = byChannel(rules.plan(risk(RiskLevel.MEDIUM), WED_OPEN));
        Plan d = medium.get("csm-teams");
        assertEquals(Instant.parse("2026-01-15T14:00:00Z"), d.releaseAt(), "Thursday 09:00 New York");
        assertEquals("csm-teams/at-risk-daily/day/2026-01-14", d.digestKey());
        assertNull(byChannel(rules.plan(risk(RiskLevel.HIGH), WED_OPEN)).get("csm-teams").releaseAt());
        assertEquals(MON_OPEN, byChannel(rules.plan(risk(RiskLevel.HIGH), SAT)).get("csm-teams").releaseAt());
        assertTrue(byChannel(rules.plan(risk(RiskLevel.CRITICAL), SAT)).get("csm-teams").now());
        assertTrue(byChannel(rules.plan(risk(RiskLevel.MEDIUM), SAT)).get("crm-webhook").now());
    }

    @Test
    void anHourlyDigestIsReleasedAtTheHoursEndOrTheNextOpening() {
        Route r = new Route("hourly", Match.ANY, List.of("team-leads"), Delivery.DIGEST_HOURLY);
        RouteRules hourly = new RouteRules(List.of(r), new RouteRules.Urgent(java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of()), NY);
        Notice n = esc(Tier.T3, EscalationKind.CHURN_SIGNAL, EscalationTarget.CSM, "P3");
        Plan open = hourly.plan(n, Instant.parse("2026-01-14T15:20:00Z")).get(0);
        assertEquals(Instant.parse("2026-01-14T16:00:00Z"), open.releaseAt());
        assertEquals("team-leads/hourly/hour/2026-01-14T15:00:00Z", open.digestKey());
        Plan evening = hourly.plan(n, Instant.parse("2026-01-14T22:30:00Z")).get(0); // 17:30 New York
        assertEquals(Instant.parse("2026-01-15T14:00:00Z"), evening.releaseAt());
    }

    @Test
    void aChannelReachedByTwoRoutesIsPlannedOnceAtTheEarliest() {
        Route late = new Route("late", Match.ANY, List.of("vip-pool"), Delivery.DIGEST_DAILY);
        Route soon = new Route("soon", Match.ANY, List.of("vip-pool"), Delivery.IMMEDIATE);
        RouteRules two = new RouteRules(List.of(late, soon), new RouteRules.Urgent(java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of()), NY);
        List<Plan> p = two.plan(esc(Tier.T3, EscalationKind.CHURN_SIGNAL, EscalationTarget.CSM, null), WED_OPEN);
        assertEquals(1, p.size());
        assertEquals("soon", p.get(0).route());
    }

    @Test
    void aRouteNamingPrioritiesDoesNotMatchAnUnknownPriority() {
        Match m = new Match(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of("P1", "P2"), java.util.Set.of());
        assertTrue(m.matches(esc(Tier.T2, EscalationKind.CSM_ALERT, EscalationTarget.CSM, "P2")));
        assertTrue(!m.matches(esc(Tier.T2, EscalationKind.CSM_ALERT, EscalationTarget.CSM, null)));
    }

    static Notice risk(RiskLevel level) {
        return Notices.fromAtRisk(AtRiskAccount.newBuilder().setAccountId("acc-r").setRiskLevel(level).setRiskScore(40)
                .setSignals(List.of("HEALTH +15: 55")).setRecommendedAction("CSM call").setOccurredAt(WED_OPEN).build());
    }
}
