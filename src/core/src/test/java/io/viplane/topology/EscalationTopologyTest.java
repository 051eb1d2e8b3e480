package io.viplane.topology;

import static io.viplane.testing.Json.account;
import static io.viplane.testing.Json.agent;
import static io.viplane.testing.Json.contact;
import static io.viplane.testing.Json.created;
import static io.viplane.testing.Json.ticket;
import static io.viplane.testing.PipelineDriver.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.policy.PolicyLoader;
import io.viplane.testing.PipelineDriver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Escalation kinds and agent suggestions through the whole topology. */
class EscalationTopologyTest {
    private PipelineDriver p = new PipelineDriver(PolicyLoader.load("white-glove").policy(),
            TopologyOptions.defaults().withAgentRefresh(Duration.ZERO));

    @AfterEach
    void close() {
        p.close();
    }

    private List<JsonNode> escalations(String kind) {
        return p.read(Names.ESCALATIONS).stream().filter(e -> e.get("kind").asText().equals(kind)).toList();
    }

    @Test
    void abusiveCustomerGoesToManagerReviewWhateverTheTier() {
        p.account(account("acc-s", 3_000));
        p.ticket(created("e1", "t1", "acc-s", at(0), "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-s", "FLAGGED_ABUSIVE", at(3)));
        List<JsonNode> abusive = escalations("ABUSIVE_CUSTOMER");
        assertEquals(1, abusive.size());
        assertEquals("SUPPORT_MANAGER", abusive.get(0).get("target").asText());
        assertEquals("STANDARD", abusive.get(0).get("tier").asText());
    }

    @Test
    void vipTransferWithoutWarmHandoffAndCloseWithoutConfirmationAreFlagged() {
        p.account(account("acc-1", 250_000));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-1", "TRANSFERRED", at(3)).put("assignee_id", "a-2").put("warm_handoff", false));
        assertEquals(1, escalations("TRANSFER_WITHOUT_HANDOFF").size());
        p.ticket(ticket("e3", "t1", "acc-1", "STATUS_CHANGED", at(9)).put("status", "CLOSED"));
        List<JsonNode> closed = escalations("CLOSED_WITHOUT_CONFIRMATION");
        assertEquals(1, closed.size());
        assertFalse(closed.get(0).get("summary").asText().isBlank());
        p.ticket(ticket("e4", "t1", "acc-1", "INTERNAL_NOTE", at(10)));
        p.ticket(ticket("e5", "t1", "acc-1", "CSAT_RECEIVED", at(11)).put("csat", 2));
        assertEquals(List.of(), escalations("CLOSED_WITHOUT_CONFIRMATION"), "events after the close are not a new close");
    }

    @Test
    void executiveContactAlertsCsmAndAccountManagerWithinFiveMinutes() {
        p.account(account("acc-1", 80_000).put("csm_id", "csm-1"));
        p.contact(contact("c-ceo", "acc-1", "C_LEVEL").put("name", "Dana Whitfield"));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL").put("contact_id", "c-ceo"));
        List<JsonNode> exec = escalations("EXEC_CONTACT");
        assertEquals(List.of("ACCOUNT_MANAGER", "CSM"), exec.stream().map(e -> e.get("target").asText()).sorted().toList());
        exec.forEach(e -> assertEquals(5, e.get("respond_within_minutes").asInt()));
        exec.forEach(e -> assertFalse(e.get("summary").asText().contains("Dana"), "no names in summaries"));
    }

    @Test
    void personalEmailMatchingAnExecutiveNameIsAPossibleVipWithoutRevealingWhy() {
        p.account(account("acc-1", 80_000));
        p.contact(contact("c-ceo", "acc-1", "C_LEVEL").put("name", "Dana Whitfield"));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL")
                .put("requester_email", "dana.w@gmail.com").put("requester_name", "Dana Whitfield"));
        List<JsonNode> possible = escalations("POSSIBLE_VIP_CONTACT");
        assertEquals(1, possible.size());
        String summary = possible.get(0).get("summary").asText().toLowerCase();
        assertFalse(summary.contains("executive") || summary.contains("dana") || summary.contains("gmail"), summary);
    }

    @Test
    void anExecutiveWritingFromAPersonalAddressWithoutAnAccountIsFoundThroughTheIndex() {
        p.account(account("acc-1", 600_000));
        p.account(account("acc-2", 20_000));
        p.contact(contact("c-ceo", "acc-1", "C_LEVEL").put("name", "Dana Whitfield"));
        p.contact(contact("c-user", "acc-2", "END_USER").put("name", "Sam Carter"));
        // No account at all, and another account: the index of every account's executives knows her.
        p.ticket(created("e1", "t1", null, at(0), "NORMAL")
                .put("requester_email", "dana.w@gmail.com").put("requester_name", "whitfield, dana"));
        p.ticket(created("e2", "t2", "acc-2", at(0), "NORMAL")
                .put("requester_email", "dwhitfield@outlook.com").put("requester_name", "Dana Whitfield"));
        // Not an executive anywhere, and an executive's name from a company address: nothing to verify.
        p.ticket(created("e3", "t3", null, at(0), "NORMAL")
                .put("requester_email", "sam@gmail.com").put("requester_name", "Sam Carter"));
        p.ticket(created("e4", "t4", "acc-2", at(0), "NORMAL")
                .put("requester_email", "dana@acc2.example").put("requester_name", "Dana Whitfield"));
        List<JsonNode> possible = escalations("POSSIBLE_VIP_CONTACT");
        assertEquals(List.of("t1", "t2"), possible.stream().map(e -> e.get("ticket_id").asText()).sorted().toList());
        for (JsonNode e : possible) {
            String text = (e.get("summary").asText() + e.get("evidence")).toLowerCase();
            assertFalse(text.contains("dana") || text.contains("whitfield") || text.contains("executive")
                    || text.contains("acc-1"), text);
        }

        // She is no longer an executive: the index forgets her.
        p.contact(contact("c-ceo", "acc-1", "END_USER").put("name", "Dana Whitfield"));
        p.ticket(created("e5", "t5", null, at(1), "NORMAL")
                .put("requester_email", "dana.w@gmail.com").put("requester_name", "Dana Whitfield"));
        assertEquals(List.of(), escalations("POSSIBLE_VIP_CONTACT"));
    }

    @Test
    void replayedEventsNeverDuplicateAnEscalation() {
        p.account(account("acc-1", 600_000));
        JsonNode angry = created("e1", "t1", "acc-1", at(0), "URGENT")
                .put("body", "I need to speak to your manager right now, we are losing orders.");
        p.ticket(angry);
        List<JsonNode> first = p.read(Names.ESCALATIONS);
        assertFalse(first.isEmpty());
        p.ticket(angry);
        p.ticket(ticket("e2", "t1", "acc-1", "INTERNAL_NOTE", at(1)));
        List<String> firstIds = first.stream().map(e -> e.get("escalation_id").asText()).toList();
        List<JsonNode> again = p.read(Names.ESCALATIONS);
        assertTrue(again.stream().noneMatch(e -> firstIds.contains(e.get("escalation_id").asText())), again.toString());
    }

    @Test
    void theSuggestedAgentRespectsTheVipShareCapAndContinuity() {
        p.account(account("acc-1", 600_000));
        // a-1 is least loaded but already at the 40% VIP share; a-2 can take the ticket.
        p.agent(agent("a-1", "L3", "AVAILABLE", 5, 2, "TIER1_SENIOR"));
        p.agent(agent("a-2", "L3", "AVAILABLE", 7, 1, "TIER1_SENIOR"));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
        JsonNode routed = p.read(Names.ROUTED).get(0);
        assertEquals("a-2", routed.get("suggested_agent_id").asText(), routed.get("reasons").toString());

        p.agent(agent("a-3", "L3", "AVAILABLE", 0, 0, "TIER1_SENIOR"));
        p.ticket(ticket("e2", "t1", "acc-1", "ASSIGNED", at(1)).put("assignee_id", "a-2"));
        p.ticket(created("e3", "t2", "acc-1", at(2), "NORMAL"));
        JsonNode next = p.read(Names.ROUTED).stream().filter(r -> r.get("ticket_id").asText().equals("t2"))
                .findFirst().orElseThrow();
        assertEquals("a-2", next.get("suggested_agent_id").asText(), "continuity beats the idle a-3: " + next);
    }

    @Test
    void noAvailableSeniorAgentMeansNoSuggestionAndTheTimerEscalates() {
        p.account(account("acc-1", 600_000));
        p.agent(agent("a-1", "L3", "BUSY", 3, 1, "TIER1_SENIOR"));
        p.ticket(created("e1", "t1", "acc-1", at(0), "NORMAL"));
        JsonNode routed = p.read(Names.ROUTED).get(0);
        assertTrue(routed.get("suggested_agent_id").isNull());
        assertTrue(routed.get("reasons").toString().contains("NO_AGENT_AVAILABLE"));
        p.advance(Duration.ofMinutes(6));
        assertEquals(1, escalations("UNASSIGNED").size());
    }

    @Test
    void aTimerThatRunsLateStampsEachEscalationWithWhenItBecameTrue() {
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t1", "acc-1", at(0), "URGENT")); // T1 P1, nobody answers, nobody is assigned
        p.read(Names.ESCALATIONS);
        p.advance(Duration.ofMinutes(150)); // the timers run once, late (a busy instance, a restart)
        List<JsonNode> all = p.read(Names.ESCALATIONS);
        java.util.Map<String, String> stamped = new java.util.TreeMap<>();
        all.forEach(e -> stamped.merge(e.get("kind").asText(), e.get("occurred_at").asText(), (x, y) -> x + "," + y));
        // Known in advance: assignment due 5 min after creation, first response 15 min, unresolved after 120 min.
        assertEquals(at(5), stamped.get("UNASSIGNED"), all.toString());
        assertEquals(at(15), stamped.get("SLA_BREACH"), all.toString());
        assertEquals(at(120), stamped.get("EXECUTIVE_ESCALATION"), all.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"white-glove", "dynamic-sla", "escalation-matrix"})
    void everyShippedPolicyRunsTheWholePipeline(String name) {
        p.close();
        p = new PipelineDriver(PolicyLoader.load(name).policy(), TopologyOptions.defaults());
        p.account(account("acc-1", 600_000).put("renewal_date", "2026-02-01"));
        p.ticket(created("e1", "t1", "acc-1", at(0), "HIGH").put("body", "We are evaluating alternatives."));
        JsonNode routed = p.read(Names.ROUTED).get(0);
        assertEquals("T1", routed.get("tier").asText());
        assertNotEquals(0, p.read(Names.ESCALATIONS).size());
        p.advance(Duration.ofMinutes(30));
        assertFalse(p.read(Names.SLA_EVENTS).isEmpty());
    }
}
