package io.viplane.notify.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.model.AtRiskAccount;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.RiskLevel;
import io.viplane.model.Tier;
import io.viplane.notify.Notice;
import io.viplane.notify.Notices;
import io.viplane.notify.NotifyJson;
import io.viplane.notify.PayloadRules;
import io.viplane.notify.Samples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PayloadBuildersTest {
    private static final Instant NOW = Instant.parse("2026-01-14T15:03:00Z");
    private static final Links LINKS = new Links("https://desk.example.com/tickets/{ticket_id}", "https://crm.example.com/a/{account_id}");

    @Test
    void slackCardFollowsBlockKitRulesAndLinksTheTicket() {
        ObjectNode m = SlackPayloads.message(Samples.breach("tkt-1", Tier.T1), LINKS, NOW);
        assertEquals(List.of(), PayloadRules.slack(m));
        assertTrue(m.get("text").asText().contains("tkt-1"), "fallback text names the ticket");
        String json = m.toString();
        assertTrue(json.contains("https://desk.example.com/tickets/tkt-1"));
        assertTrue(json.contains("overdue by 3 min"), "SLA time left from the evidence's due_at: " + json);
    }

    @Test
    void slackCardStaysWithin50BlocksAnd3000CharactersWhateverTheEvidence() {
        List<String> many = IntStream.range(0, 2000).mapToObj(i -> "signal " + i + " " + "x".repeat(200)).toList();
        ObjectNode m = SlackPayloads.message(Samples.withEvidence(Samples.breach("tkt-2", Tier.T1), many), LINKS, NOW);
        assertEquals(List.of(), PayloadRules.slack(m));
        assertEquals(50, m.get("blocks").size());
        assertTrue(m.toString().contains("more evidence blocks left out"));

        ObjectNode one = SlackPayloads.message(Samples.withEvidence(Samples.breach("tkt-3", Tier.T2),
                List.of("y".repeat(10_000))), LINKS, NOW);
        assertEquals(List.of(), PayloadRules.slack(one));
    }

    @Test
    void slackEscapesControlCharactersOfMrkdwn() {
        ObjectNode m = SlackPayloads.message(Samples.withEvidence(Samples.breach("tkt-4", Tier.T1),
                List.of("matched: <@channel> & <https://evil|x>")), LINKS, NOW);
        String json = m.toString();
        assertFalse(json.contains("<@channel>"));
        assertTrue(json.contains("&lt;@channel&gt; &amp;"));
    }

    @Test
    void slackDigestOfFiveThousandNoticesCountsWhatItLeftOut() {
        List<Notice> ns = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ns.add(Samples.breach("tkt-d" + i, Tier.T3));
        }
        ObjectNode m = SlackPayloads.digest("Digest", ns, LINKS);
        assertEquals(List.of(), PayloadRules.slack(m));
        long shown = 0;
        for (JsonNode b : m.get("blocks")) {
            if (b.path("type").asText().equals("section")) {
                shown += b.path("text").path("text").asText().lines().count();
            }
        }
        assertTrue(shown > 0 && shown < 5000, "shown " + shown);
        String last = m.get("blocks").get(m.get("blocks").size() - 1).toString();
        assertTrue(last.contains("and " + (5000 - shown) + " more"), last);
    }

    @Test
    void teamsMessageIsAnAdaptiveCardOfVersionAtLeast13InAttachments() {
        ObjectNode m = TeamsPayloads.message(Samples.breach("tkt-5", Tier.T2), LINKS, NOW);
        assertEquals(List.of(), PayloadRules.teams(m));
        JsonNode card = m.get("attachments").get(0).get("content");
        assertEquals("1.4", card.get("version").asText());
        assertEquals("https://desk.example.com/tickets/tkt-5", card.get("actions").get(0).get("url").asText());
        assertEquals(List.of(), PayloadRules.teams(TeamsPayloads.digest("d", List.of(Samples.breach("a", Tier.T3)), LINKS)));
    }

    @Test
    void pagerDutyTriggerHasTheDocumentedShape() {
        Notice n = Samples.breach("tkt-6", Tier.T1);
        ObjectNode e = PagerDutyPayloads.trigger(n, Secret.of("R0UTINGKEY"), LINKS);
        assertEquals(List.of(), PayloadRules.pagerDuty(e));
        assertEquals("trigger", e.get("event_action").asText());
        assertEquals("critical", e.at("/payload/severity").asText());
        assertEquals("viplane/tkt-6/sla/FIRST_RESPONSE", e.get("dedup_key").asText());
        assertEquals("tkt-6", e.at("/payload/custom_details/ticket_id").asText());
        assertTrue(e.at("/payload/custom_details/evidence").toString().contains("sla_state=BREACHED"));
        assertEquals("https://desk.example.com/tickets/tkt-6", e.at("/links/0/href").asText());

        ObjectNode r = PagerDutyPayloads.resolve(n.dedupKey(), Secret.of("R0UTINGKEY"));
        assertEquals(List.of(), PayloadRules.pagerDuty(r));
        assertEquals(3, r.size(), "a resolve carries routing key, action and dedup key only");
    }

    @Test
    void pagerDutyLimitsHoldForLongIdsAndSummaries() {
        String longTicket = "t".repeat(400);
        Notice n = Notices.fromEscalation(Samples.escalation("e1", longTicket, Tier.T2, EscalationKind.CHURN_SIGNAL,
                EscalationTarget.CSM, List.of(), NOW), null);
        ObjectNode e = PagerDutyPayloads.trigger(n, Secret.of("k"), Links.NONE);
        assertEquals(List.of(), PayloadRules.pagerDuty(e));
        assertTrue(e.get("dedup_key").asText().startsWith("viplane/sha256/"));
    }

    @Test
    void warningAndBreachOfOneClockShareADedupKeyOtherCausesDoNot() {
        Notice breach = Samples.breach("tkt-7", Tier.T1);
        Notice warning = Notices.fromEscalation(Samples.escalation("w", "tkt-7", Tier.T1, EscalationKind.SLA_WARNING,
                EscalationTarget.SUPPORT_VP, List.of("sla_metric=FIRST_RESPONSE"), NOW), null);
        Notice exec1 = Notices.fromEscalation(Samples.escalation("x1", "tkt-7", Tier.T1, EscalationKind.EXECUTIVE_ESCALATION,
                EscalationTarget.SUPPORT_VP, List.of(), NOW), null);
        Notice exec2 = Notices.fromEscalation(Samples.escalation("x2", "tkt-7", Tier.T1, EscalationKind.EXECUTIVE_ESCALATION,
                EscalationTarget.SUPPORT_VP, List.of(), NOW), null);
        assertEquals(breach.dedupKey(), warning.dedupKey());
        assertEquals("warning", PagerDutyPayloads.severity(warning));
        assertNotEquals(exec1.dedupKey(), exec2.dedupKey());
    }

    @Test
    void webhookSignatureVerifiesByRecomputation() throws Exception {
        byte[] body = NotifyJson.bytes(io.viplane.notify.channel.Bodies.webhook(Samples.breach("tkt-8", Tier.T1), "d1"));
        Instant now = Instant.parse("2026-01-14T15:00:00Z");
        String header = WebhookSigner.signatureHeader(body, Secret.of("s3cret"), now);
        assertTrue(header.startsWith("t=" + now.getEpochSecond() + ",v1="));
        // recompute independently, as a receiver following Stripe's scheme would
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("s3cret".getBytes(), "HmacSHA256"));
        mac.update((now.getEpochSecond() + ".").getBytes());
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(body));
        assertEquals("t=" + now.getEpochSecond() + ",v1=" + expected, header);
        mac.init(new javax.crypto.spec.SecretKeySpec("s3cret".getBytes(), "HmacSHA256"));
        assertEquals("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body)),
                WebhookSigner.githubStyleHeader(body, Secret.of("s3cret")));

        java.time.Duration tol = java.time.Duration.ofMinutes(5);
        assertTrue(WebhookSigner.verify(body, header, "s3cret", tol, now.plusSeconds(60)));
        assertFalse(WebhookSigner.verify(body, header, "other", tol, now));
        byte[] tampered = body.clone();
        tampered[10] ^= 1;
        assertFalse(WebhookSigner.verify(tampered, header, "s3cret", tol, now));
        assertFalse(WebhookSigner.verify(body, header, "s3cret", tol, now.plusSeconds(301)), "replay outside tolerance");
    }

    @Test
    void atRiskNoticeCarriesSignalsAndActionButNoName() {
        AtRiskAccount a = AtRiskAccount.newBuilder().setAccountId("acc-9").setRiskLevel(RiskLevel.HIGH).setRiskScore(62)
                .setSignals(List.of("CHURN_DIRECT +30: evaluating alternatives", "HEALTH +15: 55"))
                .setRecommendedAction("priority resolution + CSM call").setArr(380000.0).setDaysToRenewal(40)
                .setCsmId("csm-3").setOccurredAt(NOW).build();
        Notice n = Notices.fromAtRisk(a);
        ObjectNode teams = TeamsPayloads.message(n, LINKS, NOW);
        assertEquals(List.of(), PayloadRules.teams(teams));
        String json = teams.toString();
        assertTrue(json.contains("CHURN_DIRECT +30") && json.contains("priority resolution + CSM call"));
        assertTrue(json.contains("https://crm.example.com/a/acc-9"));
        assertEquals("error", PagerDutyPayloads.severity(n));
    }
}
