package io.viplane.topology;

import static io.viplane.testing.Json.account;
import static io.viplane.testing.Json.created;
import static io.viplane.testing.Json.sentiment;
import static io.viplane.testing.Json.ticket;
import static io.viplane.testing.PipelineDriver.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.testing.PipelineDriver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sentiment joins, churn language, fairness for standard customers and at-risk accounts, end to end. */
class SignalsTopologyTest {
    private final PipelineDriver p = new PipelineDriver();

    @AfterEach
    void close() {
        p.close();
    }

    private List<String> kinds() {
        return p.read(Names.ESCALATIONS).stream().map(e -> e.get("kind").asText() + ":" + e.get("target").asText())
                .toList();
    }

    @Test
    void anExtremelyNegativeScoreThatArrivesBeforeItsTicketStillEscalatesTheTicket() {
        p.account(account("acc-1", 600_000));
        p.sentiment(sentiment("s1", "t1", "acc-1", -0.9, at(1)));
        assertTrue(p.read(Names.ROUTED).isEmpty(), "nothing to route before the ticket");
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL").put("body", "Please check the export."));
        List<String> kinds = kinds();
        assertTrue(kinds.contains("EXECUTIVE_ESCALATION:SUPPORT_VP"), kinds.toString());
        JsonNode routed = p.read(Names.ROUTED).get(0);
        assertTrue(routed.get("reasons").toString().contains("sentiment"), routed.get("reasons").toString());
    }

    @Test
    void aScoreWhoseTicketNeverComesIsForgottenAfterTheRetention() {
        p.sentiment(sentiment("s1", "t-never", "acc-1", -0.5, at(0)));
        assertTrue(p.driver().getKeyValueStore(Names.PENDING_SENTIMENT_STORE).get("t-never") != null);
        p.advance(Duration.ofDays(8));
        assertEquals(null, p.driver().getKeyValueStore(Names.PENDING_SENTIMENT_STORE).get("t-never"));
        assertFalse(p.driver().getKeyValueStore(Names.DEADLINE_STORE).all().hasNext());
    }

    @Test
    void aNewerParkedScoreOutlivesTheExpiryOfTheOneItReplaced() {
        p.sentiment(sentiment("s1", "t-late", "acc-1", -0.5, at(0)));
        p.advance(Duration.ofDays(6));
        p.sentiment(sentiment("s2", "t-late", "acc-1", -0.9, at(6 * 24 * 60)));
        p.advance(Duration.ofDays(1).plusHours(1));
        assertTrue(p.driver().getKeyValueStore(Names.PENDING_SENTIMENT_STORE).get("t-late") != null,
                "s1's expiry must not take s2 with it");
        p.advance(Duration.ofDays(7));
        assertEquals(null, p.driver().getKeyValueStore(Names.PENDING_SENTIMENT_STORE).get("t-late"));
    }

    @Test
    void aScoreAfterItsTicketReRoutesAndEscalates() {
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL").put("body", "Please check the export."));
        List<String> before = kinds();
        assertFalse(before.stream().anyMatch(k -> k.startsWith("EXECUTIVE_ESCALATION")), before.toString());
        p.sentiment(sentiment("s1", "t1", "acc-1", -0.9, at(2)));
        assertTrue(kinds().contains("EXECUTIVE_ESCALATION:SUPPORT_VP"));
        p.sentiment(sentiment("s1", "t1", "acc-1", -0.9, at(2)));
        assertTrue(kinds().isEmpty(), "a duplicated sentiment event_id has no effect");
    }

    @Test
    void aFrustratedStandardCustomerGetsTemporaryVipHandlingAndATeamLead() {
        p.account(account("acc-small", 2_000));
        p.ticket(created("e1", "t9", "acc-small", at(0), "NORMAL")
                .put("body", "This is the fourth time I report this. I am really frustrated, nothing works."));
        JsonNode routed = p.read(Names.ROUTED).get(0);
        assertEquals("STANDARD", routed.get("tier").asText());
        assertEquals("P2", routed.get("priority").asText(), "raised one level from P3");
        assertTrue(routed.get("reasons").toString().contains("TEMPORARY_VIP_HANDLING"), routed.get("reasons").toString());
        List<String> kinds = kinds();
        assertTrue(kinds.contains("NEGATIVE_SENTIMENT:TEAM_LEAD"), kinds.toString());
    }

    @Test
    void churnLanguageOnAVipTicketAlertsTheCsmAndTheAccountBecomesAtRiskWithItsReasons() {
        p.account(account("acc-1", 540_000).put("health_score", 48).put("usage_trend_pct", -31.0)
                .put("renewal_date", "2026-02-20").put("csm_id", "csm-7"));
        p.ticket(created("e1", "t1", "acc-1", at(0), "HIGH").put("subject", "Exports failing again")
                .put("body", "Honestly we are evaluating alternatives, Kestrel Desk offered us a migration."));
        List<String> kinds = kinds();
        assertTrue(kinds.contains("CHURN_SIGNAL:CSM"), kinds.toString());
        assertTrue(kinds.contains("CSM_ALERT:CSM"), "VIP P2: " + kinds);

        List<JsonNode> risk = p.read(Names.AT_RISK);
        assertFalse(risk.isEmpty());
        JsonNode last = risk.get(risk.size() - 1);
        assertEquals("CRITICAL", last.get("risk_level").asText(), last.toString());
        String signals = last.get("signals").toString();
        assertTrue(signals.contains("CHURN_DIRECT"), signals);
        assertTrue(signals.contains("Kestrel Desk"), signals);
        assertTrue(signals.contains("health 48"), signals);
        assertEquals("csm-7", last.get("csm_id").asText());

        assertEquals("CRITICAL", p.read(Names.ROUTED).get(0).get("account_context").get("churn_risk").asText(),
                "the routed ticket already knows the risk its own words caused");
        p.ticket(created("e1", "t1", "acc-1", at(0), "HIGH").put("subject", "Exports failing again")
                .put("body", "Honestly we are evaluating alternatives, Kestrel Desk offered us a migration."));
        assertTrue(p.read(Names.AT_RISK).isEmpty(), "a replayed event changes nothing");
        assertTrue(kinds().isEmpty());
        assertTrue(p.read(Names.ROUTED).isEmpty(), "no re-emission on replay");
    }

    @Test
    void theRoutedTicketCarriesTheAccountsChurnRisk() {
        p.account(account("acc-1", 540_000).put("health_score", 48).put("usage_trend_pct", -31.0));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL").put("body", "We will not renew, we are moving to Kestrel Desk."));
        p.ticket(created("e2", "t2", "acc-1", at(5), "NORMAL").put("body", "Another question about invoices."));
        List<JsonNode> routed = p.read(Names.ROUTED);
        JsonNode second = routed.stream().filter(r -> r.get("ticket_id").asText().equals("t2")).findFirst().orElseThrow();
        String risk = second.get("account_context").get("churn_risk").asText();
        assertTrue(risk.equals("HIGH") || risk.equals("CRITICAL"), second.toString());
    }

    @Test
    void ticketPatternsOverWeeksRaiseTheAccountsRisk() {
        p.account(account("acc-3", 120_000).put("updated_at", "2025-12-01T00:00:00Z"));
        java.time.Instant day0 = java.time.Instant.parse("2025-12-01T15:00:00Z");
        // A quiet baseline: one ticket a week for four weeks, each solved.
        for (int w = 0; w < 4; w++) {
            String t = "base-" + w;
            java.time.Instant at = day0.plus(Duration.ofDays(7L * w));
            var c = created("b" + w, t, "acc-3", at.toString(), "LOW").put("subject", "Question " + w);
            c.putArray("tags").add("question-" + w);
            p.ticket(c);
            p.ticket(ticket("b" + w + "-s", t, "acc-3", "STATUS_CHANGED", at.plusSeconds(3600).toString())
                    .put("status", "SOLVED"));
        }
        assertTrue(p.read(Names.AT_RISK).isEmpty(), "a quiet account is not at risk");
        // Then, in one week: the same export issue four times, none resolved.
        for (int i = 0; i < 4; i++) {
            java.time.Instant at = day0.plus(Duration.ofDays(35 + i));
            var c = created("x" + i, "burst-" + i, "acc-3", at.toString(), "NORMAL").put("subject", "Export broken");
            c.putArray("tags").add("export");
            p.ticket(c);
        }
        List<JsonNode> risk = p.read(Names.AT_RISK);
        assertFalse(risk.isEmpty());
        String signals = risk.get(risk.size() - 1).get("signals").toString();
        assertTrue(signals.contains("UNRESOLVED_TICKETS"), signals);
        assertTrue(signals.contains("REPEATED_ISSUE"), signals);
        assertTrue(signals.contains("FREQUENCY_RISING"), signals);
    }

    @Test
    void theRiskLevelDoesNotFlapWhenTheScoreHoversAroundAThreshold() {
        // health < 65 (15) + renewal within 30 days (10) = 25: MEDIUM (from 25), the account's baseline.
        p.account(risky("2026-02-10", 0));
        List<JsonNode> first = p.read(Names.AT_RISK);
        assertEquals(1, first.size());
        assertEquals("MEDIUM", first.get(0).get("risk_level").asText());
        assertTrue(first.get(0).get("signals").get(0).asText().startsWith("BASELINE"), first.get(0).toString());
        // Renewal within 60 days instead (5): 20, below 25 but not below 25 - margin 5: stays MEDIUM.
        p.account(risky("2026-03-10", 1));
        assertTrue(p.read(Names.AT_RISK).isEmpty(), "inside the hysteresis margin: no new level");
        p.account(risky("2026-02-10", 2));
        assertTrue(p.read(Names.AT_RISK).isEmpty(), "still MEDIUM: nothing to say");
        // No renewal within 90 days: 15, clearly below: LOW is news, and a change, not a baseline.
        p.account(risky("2026-06-10", 3));
        List<JsonNode> lower = p.read(Names.AT_RISK);
        assertEquals(1, lower.size());
        assertEquals("LOW", lower.get(0).get("risk_level").asText());
        assertFalse(lower.get(0).get("signals").toString().contains("BASELINE"), lower.get(0).toString());
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode risky(String renewal, int minute) {
        return account("acc-2", 300_000).put("health_score", 60)
                .put("renewal_date", renewal).put("updated_at", at(minute));
    }
}
