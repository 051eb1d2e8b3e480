package io.viplane.topology;

import static io.viplane.testing.Json.account;
import static io.viplane.testing.Json.contact;
import static io.viplane.testing.Json.created;
import static io.viplane.testing.Json.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.testing.PipelineDriver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutingTopologyTest {
    private final PipelineDriver p = new PipelineDriver();

    @AfterEach
    void close() {
        p.close();
    }

    @Test
    void t1AccountTicketIsRoutedToTheSeniorPoolWithA15MinuteTarget() {
        p.account(account("acc-1", 540_000).put("renewal_date", "2026-03-01").put("health_score", 62)
                .put("csm_id", "csm-7"));
        p.ticket(created("e1", "t1", "acc-1", "2026-01-16T16:47:00Z", "NORMAL"));

        List<JsonNode> routed = p.read(Names.ROUTED);
        assertEquals(1, routed.size());
        JsonNode r = routed.get(0);
        assertEquals("t1", r.get("ticket_id").asText());
        assertEquals("T1", r.get("tier").asText());
        assertEquals("PLATINUM", r.get("badge").asText());
        assertEquals("P3", r.get("priority").asText());
        assertEquals("TIER1_SENIOR", r.get("queue").asText());
        assertEquals("2026-01-16T17:02:00Z", r.get("first_response_due").asText());
        assertEquals("e1", r.get("source_event_id").asText());
        JsonNode ctx = r.get("account_context");
        assertEquals(540_000, ctx.get("arr").asDouble());
        assertEquals(44, ctx.get("days_to_renewal").asInt());
        assertEquals(1, ctx.get("open_tickets").asInt());
        assertEquals(1, ctx.get("recent_tickets_90d").asInt());
        assertEquals("csm-7", ctx.get("csm_id").asText());
        assertTrue(r.get("reasons").toString().contains("ARR 540000 > 500000"), r.get("reasons").toString());
    }

    @Test
    void unknownAccountIsStandardThenReroutedWhenTheAccountArrives() {
        p.ticket(created("e1", "t1", "acc-late", "2026-01-16T16:47:00Z", "HIGH"));
        JsonNode first = p.read(Names.ROUTED).get(0);
        assertEquals("STANDARD", first.get("tier").asText());
        assertEquals("UNKNOWN_ACCOUNT", first.get("reasons").get(0).asText());
        assertEquals("GENERAL", first.get("queue").asText());

        p.account(account("acc-late", 250_000));
        List<JsonNode> rerouted = p.read(Names.ROUTED);
        assertEquals(1, rerouted.size());
        assertEquals("T2", rerouted.get(0).get("tier").asText());
        assertEquals("L2_PLUS", rerouted.get(0).get("queue").asText());
        assertEquals("2026-01-16T17:17:00Z", rerouted.get(0).get("first_response_due").asText());
        assertEquals("crm.accounts:acc-late", rerouted.get(0).get("source_event_id").asText());
    }

    @Test
    void contactEarnsTheTierWhenTheAccountDoesNot() {
        p.account(account("acc-s", 20_000));
        p.contact(contact("c-vp", "acc-s", "VP"));
        p.ticket(created("e1", "t1", "acc-s", "2026-01-16T16:47:00Z", "NORMAL").put("contact_id", "c-vp"));
        JsonNode r = p.read(Names.ROUTED).get(0);
        assertEquals("T1", r.get("tier").asText());
        assertTrue(r.get("reasons").toString().contains("contact role VP"));
        assertTrue(r.get("reasons").toString().contains("executive contact"));
    }

    @Test
    void contactPromotedLaterReroutesTheirOpenTicket() {
        p.account(account("acc-s", 20_000));
        p.contact(contact("c-1", "acc-s", "END_USER"));
        p.ticket(created("e1", "t1", "acc-s", "2026-01-16T16:47:00Z", "NORMAL").put("contact_id", "c-1"));
        assertEquals("STANDARD", p.read(Names.ROUTED).get(0).get("tier").asText());
        p.contact(contact("c-1", "acc-s", "C_LEVEL"));
        assertEquals("T1", p.read(Names.ROUTED).get(0).get("tier").asText());
        p.send(Names.CONTACTS, "c-1", null);
        assertEquals("STANDARD", p.read(Names.ROUTED).get(0).get("tier").asText());
    }

    @Test
    void duplicateEventIdsHaveNoEffect() {
        p.account(account("acc-1", 150_000));
        p.ticket(created("e1", "t1", "acc-1", "2026-01-16T16:47:00Z", "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-1", "AGENT_REPLY", "2026-01-16T16:50:00Z"));
        p.ticket(ticket("e3", "t1", "acc-1", "CUSTOMER_MESSAGE", "2026-01-16T17:00:00Z"));
        assertEquals(3, p.read(Names.ROUTED).size());
        // Replaying the same events, even the CREATED, changes nothing and emits nothing.
        p.ticket(created("e1", "t1", "acc-1", "2026-01-16T16:47:00Z", "URGENT"));
        p.ticket(ticket("e3", "t1", "acc-1", "CUSTOMER_MESSAGE", "2026-01-16T17:00:00Z"));
        assertEquals(List.of(), p.read(Names.ROUTED));
        p.ticket(ticket("e4", "t1", "acc-1", "CUSTOMER_MESSAGE", "2026-01-16T17:10:00Z"));
        assertEquals(List.of(), p.read(Names.ROUTED), "a later message does not move the next-reply clock");
    }

    @Test
    void nextReplyRunsFromTheOldestUnansweredCustomerMessage() {
        p.account(account("acc-1", 150_000));
        p.ticket(created("e1", "t1", "acc-1", "2026-01-16T16:47:00Z", "NORMAL"));
        p.ticket(ticket("e2", "t1", "acc-1", "AGENT_REPLY", "2026-01-16T16:50:00Z"));
        JsonNode afterReply = p.read(Names.ROUTED).get(1);
        assertTrue(afterReply.get("first_response_due").isNull());
        assertTrue(afterReply.get("next_reply_due").isNull());
        p.ticket(ticket("e3", "t1", "acc-1", "CUSTOMER_MESSAGE", "2026-01-16T17:00:00Z"));
        assertEquals("2026-01-16T17:30:00Z", p.read(Names.ROUTED).get(0).get("next_reply_due").asText());
        // A late event: a message older than the last reply does not open a new wait.
        p.ticket(ticket("e0", "t1", "acc-1", "CUSTOMER_MESSAGE", "2026-01-16T16:48:00Z"));
        assertEquals(List.of(), p.read(Names.ROUTED));
    }

    @Test
    void poisonRecordGoesToTheDlqAndTheNextRecordIsProcessed() {
        p.account(account("acc-1", 150_000));
        p.sendRaw(Names.TICKETS, "t-bad", "{\"event_id\": \"x\", \"ticket_id\": ".getBytes(StandardCharsets.UTF_8));
        p.send(Names.TICKETS, "t-bad2", created("e9", "t-bad2", "acc-1", "not-a-time", "NORMAL"));
        p.ticket(created("e1", "t1", "acc-1", "2026-01-16T16:47:00Z", "NORMAL"));

        List<TestRecord<String, byte[]>> dlq = p.readRecords(Names.DLQ);
        assertEquals(2, dlq.size());
        assertEquals("t-bad", dlq.get(0).key());
        assertEquals("{\"event_id\": \"x\", \"ticket_id\": ", new String(dlq.get(0).value(), StandardCharsets.UTF_8));
        assertEquals(Names.TICKETS, PipelineDriver.header(dlq.get(0).headers(), "__streams.errors.topic"));
        assertTrue(PipelineDriver.header(dlq.get(0).headers(), "__streams.errors.message").contains("malformed JSON"));
        assertEquals("field 'occurred_at': not an ISO-8601 instant such as 2026-01-16T16:47:00Z",
                PipelineDriver.header(dlq.get(1).headers(), "__streams.errors.message"));
        assertEquals("t1", p.read(Names.ROUTED).get(0).get("ticket_id").asText());
    }

    @Test
    void semanticErrorsInProcessorsAlsoGoToTheDlq() {
        p.send(Names.ACCOUNTS, "acc-other", account("acc-1", 10));
        p.account(account("acc-2", 10));
        List<TestRecord<String, byte[]>> dlq = p.readRecords(Names.DLQ);
        assertEquals(1, dlq.size());
        assertEquals("acc-other", dlq.get(0).key());
        assertEquals("field 'account_id': does not match the record key",
                PipelineDriver.header(dlq.get(0).headers(), "__streams.errors.message"));
    }

    @Test
    void accountlessTicketsAreRoutedAsUnknown() {
        p.ticket(created("e1", "t-anon", null, "2026-01-16T16:47:00Z", "LOW"));
        JsonNode r = p.read(Names.ROUTED).get(0);
        assertEquals("STANDARD", r.get("tier").asText());
        assertEquals("P4", r.get("priority").asText());
        assertTrue(r.get("account_id").isNull());
        assertEquals("2026-01-16T18:47:00Z", r.get("first_response_due").asText());
    }

    @Test
    void anEventStampedFarAheadOfTheClockIsADeadLetterNotAFutureThatBreachesEverything() {
        p.account(account("acc-1", 600_000));
        p.ticket(created("e1", "t-future", "acc-1", "2099-01-01T00:00:00Z", "NORMAL"));
        assertTrue(p.read(Names.ROUTED).isEmpty());
        List<TestRecord<String, byte[]>> dead = p.readRecords(Names.DLQ);
        assertEquals(1, dead.size());
        assertTrue(PipelineDriver.header(dead.get(0).headers(), "__streams.errors.message")
                .startsWith("field 'occurred_at': more than PT24H ahead"), PipelineDriver.header(dead.get(0).headers(),
                "__streams.errors.message"));
        p.ticket(created("e2", "t-now", "acc-1", "2026-01-16T12:05:00Z", "NORMAL"));
        assertEquals(1, p.read(Names.ROUTED).size(), "processing goes on");
    }
}
