package io.viplane.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Contract events as JSON, as a help desk or CRM would publish them. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode account(String id, double arr) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("account_id", id).put("name", "Account " + id).put("arr", arr);
        return n;
    }

    public static ObjectNode contact(String id, String accountId, String role) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("contact_id", id).put("account_id", accountId).put("name", "Contact " + id);
        if (role != null) {
            n.put("role", role);
        }
        return n;
    }

    public static ObjectNode ticket(String eventId, String ticketId, String accountId, String type, String at) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("event_id", eventId).put("ticket_id", ticketId).put("type", type).put("occurred_at", at);
        if (accountId != null) {
            n.put("account_id", accountId);
        }
        return n;
    }

    public static ObjectNode created(String eventId, String ticketId, String accountId, String at, String priority) {
        ObjectNode n = ticket(eventId, ticketId, accountId, "CREATED", at);
        n.put("priority", priority).put("status", "NEW").put("subject", "Subject").put("channel", "EMAIL");
        return n;
    }

    public static ObjectNode sentiment(String eventId, String ticketId, String accountId, double score, String at) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("event_id", eventId).put("ticket_id", ticketId).put("score", score).put("occurred_at", at)
                .put("model", "test-nlp");
        if (accountId != null) {
            n.put("account_id", accountId);
        }
        return n;
    }

    public static ObjectNode agent(String id, String level, String status, int open, int openVip, String... pools) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("agent_id", id).put("name", "Agent " + id).put("level", level).put("status", status)
                .put("open_tickets", open).put("open_vip_tickets", openVip).put("hired_on", "2023-01-01");
        var arr = n.putArray("pools");
        for (String p : pools) {
            arr.add(p);
        }
        return n;
    }

    public static JsonNode parse(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String write(JsonNode n) {
        return n.toString();
    }
}
