package io.viplane.sample;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.policy.PolicyLoader;
import io.viplane.testing.PipelineDriver;
import io.viplane.topology.ClockMode;
import io.viplane.topology.Names;
import io.viplane.topology.TopologyOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The demo's sample day (seed 7, 2026-01-16, white-glove, stream-time clocks, as {@code scripts/demo}
 * runs it) through the whole pipeline: how many escalations per 100 tickets each tier gets, and what the
 * at-risk topic says (issue 18). Measured before issue 18: 744 escalations for 250 tickets, 336 risk
 * records (every one a "level change"). The figures are printed on every run; README "Alert volume"
 * quotes them.
 */
class SampleDayAlertsTest {
    static final LocalDate DAY = LocalDate.of(2026, 1, 16);
    static final List<String> TIERS = List.of("T1", "T2", "T3", "STANDARD");
    static final Map<String, Double> SEED_000 = Map.of("T1", 8.5, "T2", 10.2, "T3", 11.8, "STANDARD", 11.2);

    static final Map<String, Integer> ticketsByTier = new TreeMap<>();
    static final Map<String, Map<String, Integer>> escalationsByTierAndKind = new TreeMap<>();
    static final Map<String, Set<String>> escalatedTicketsByTier = new TreeMap<>();
    static final List<JsonNode> atRisk = new ArrayList<>();
    static int escalations;
    static final Map<String, JsonNode> dayMetrics = new TreeMap<>();

    @BeforeAll
    static void replayTheDay() {
        SampleOrganization org = SampleOrganization.generate(7, DAY);
        Map<String, String> tierOfTicket = new HashMap<>();
        try (PipelineDriver p = new PipelineDriver(PolicyLoader.load("white-glove").policy(),
                TopologyOptions.defaults().withClock(ClockMode.STREAM_TIME))) {
            for (ObjectNode e : org.events()) {
                p.send(e.get("topic").asText(), e.get("key").isNull() ? null : e.get("key").asText(), e.get("value"));
            }
            for (JsonNode r : p.read(Names.ROUTED)) {
                tierOfTicket.put(r.get("ticket_id").asText(), r.get("tier").asText());
            }
            for (JsonNode e : p.read(Names.ESCALATIONS)) {
                escalations++;
                String tier = e.get("tier").asText();
                escalationsByTierAndKind.computeIfAbsent(tier, t -> new TreeMap<>()).merge(e.get("kind").asText(), 1, Integer::sum);
                escalatedTicketsByTier.computeIfAbsent(tier, t -> new HashSet<>()).add(e.get("ticket_id").asText());
            }
            atRisk.addAll(p.read(Names.AT_RISK));
            for (JsonNode m : p.read(Names.SLA_METRICS)) {
                if (m.get("window").asText().equals("DAY") && m.get("window_start").asText().startsWith(DAY.toString())) {
                    dayMetrics.put(m.get("tier").asText(), m); // the latest record per tier is the day's figure
                }
            }
        }
        // a ticket counts in the tier of its latest routing
        tierOfTicket.values().forEach(t -> ticketsByTier.merge(t, 1, Integer::sum));
        System.out.println(report());
        Map<String, Integer> why = new TreeMap<>();
        for (JsonNode r : atRisk) {
            List<String> names = new ArrayList<>();
            r.get("signals").forEach(x -> names.add(x.asText().replaceAll(" .*", "")));
            why.merge(r.get("risk_level").asText() + " " + names, 1, Integer::sum);
        }
        // which contributors put each account where it is (README "Alert volume")
        why.forEach((k, v) -> System.out.println("    at-risk " + v + "  " + k));
    }

    static String report() {
        StringBuilder sb = new StringBuilder("Sample day (seed 7, white-glove): " + escalations + " escalations for "
                + ticketsByTier.values().stream().mapToInt(Integer::intValue).sum() + " tickets\n");
        for (String tier : TIERS) {
            int n = ticketsByTier.getOrDefault(tier, 0);
            Map<String, Integer> kinds = escalationsByTierAndKind.getOrDefault(tier, Map.of());
            int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
            sb.append(String.format(Locale.ROOT, "  %-8s %4d tickets  %4d escalations = %6.1f per 100 tickets; "
                            + "tickets escalated %5.1f %%  %s%n", tier, n, total, per100(total, n),
                    per100(escalatedTicketsByTier.getOrDefault(tier, Set.of()).size(), n), kinds));
        }
        dayMetrics.forEach((tier, m) -> sb.append(String.format(Locale.ROOT,
                "  %s support.sla.metrics DAY: tickets %d, ladder %s per 100 (seed 000: %s), all %s per 100, by kind %s%n",
                tier, m.get("tickets").asLong(), m.get("ladder_escalations_per_100_tickets"), SEED_000.get(tier),
                m.get("escalations_per_100_tickets"), m.get("escalations_by_kind"))));
        Map<String, Integer> levels = new TreeMap<>();
        long baseline = atRisk.stream().filter(SampleDayAlertsTest::isBaseline).count();
        atRisk.forEach(r -> levels.merge(r.get("risk_level").asText() + (isBaseline(r) ? " (baseline)" : " (change)"), 1, Integer::sum));
        sb.append("  accounts.at-risk: ").append(atRisk.size()).append(" records, ").append(baseline)
                .append(" baseline, ").append(atRisk.size() - baseline).append(" changes: ").append(levels).append('\n');
        return sb.toString();
    }

    static boolean isBaseline(JsonNode r) {
        for (JsonNode s : r.get("signals")) {
            if (s.asText().startsWith("BASELINE")) {
                return true;
            }
        }
        return false;
    }

    static double per100(int count, int tickets) {
        return tickets == 0 ? 0 : 100.0 * count / tickets;
    }

    /**
     * Floors a little above what was measured after issue 18 (before: 744 escalations for 250 tickets):
     * 280 escalations (112 per 100 tickets); STANDARD, the one tier with a steady-state volume (205
     * tickets), 31.2 ladder escalations per 100 tickets, of which 16.6 are first-response breaches of the
     * stream-time replay (README "Known limits"). The VIP tiers have 12 to 20 tickets, nearly all of them
     * stories written to show every escalation kind: their rates describe the sample, not a normal day.
     */
    @Test
    void escalationRatesArePublishedPerTierAndStayNearTheMeasuredDay() {
        List<Executable> checks = new ArrayList<>();
        int tickets = ticketsByTier.values().stream().mapToInt(Integer::intValue).sum();
        for (String tier : TIERS) {
            checks.add(() -> assertTrue(ticketsByTier.getOrDefault(tier, 0) > 0, tier + " has tickets"));
            checks.add(() -> assertTrue(dayMetrics.containsKey(tier), tier + " has a DAY record on support.sla.metrics"));
        }
        checks.add(() -> assertTrue(per100(escalations, tickets) <= 120, "escalations per 100 tickets: " + report()));
        checks.add(() -> {
            JsonNode standard = dayMetrics.get("STANDARD");
            double ladder = standard.get("ladder_escalations_per_100_tickets").asDouble();
            assertTrue(ladder <= 35, "STANDARD ladder escalations per 100 tickets: " + ladder);
            // the published figure is the count over the tickets of the window
            assertEquals(100.0 * standard.get("ladder_escalations").asLong() / standard.get("tickets").asLong(), ladder, 1e-9);
        });
        assertAll(checks);
    }

    /** Measured: 89 baseline records (all MEDIUM, 4.5 % of the accounts), then 20 real changes in the day. */
    @Test
    void atRiskRecordsAreABaselinePlusFewChanges() {
        long changes = atRisk.stream().filter(r -> !isBaseline(r)).count();
        Set<String> baselined = new HashSet<>();
        for (JsonNode r : atRisk) {
            if (isBaseline(r)) {
                assertTrue(baselined.add(r.get("account_id").asText()), "one baseline per account: " + r);
            }
        }
        assertTrue(changes <= 30, "risk level changes in one day: " + report());
        assertTrue(baselined.size() <= 120, "accounts at risk on their first assessment: " + report());
        assertEquals(atRisk.size(), baselined.size() + changes);
    }
}
