package io.viplane.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreachAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode event(String ticket, String metric, String state, String due, String at) {
        ObjectNode n = JSON.createObjectNode().put("ticket_id", ticket).put("metric", metric).put("state", state)
                .put("occurred_at", at);
        return due == null ? n.putNull("due_at") : n.put("due_at", due);
    }

    @Test
    void aBreachFollowedByAMetWithinTheTargetIsFalseALateMetIsNot() {
        List<JsonNode> events = List.of(
                event("t1", "FIRST_RESPONSE", "BREACHED", "2026-01-16T08:15:00Z", "2026-01-16T08:15:00Z"),
                event("t1", "FIRST_RESPONSE", "MET", "2026-01-16T08:15:00Z", "2026-01-16T08:13:30Z"),
                event("t2", "FIRST_RESPONSE", "BREACHED", "2026-01-16T08:15:00Z", "2026-01-16T08:15:00Z"),
                event("t2", "FIRST_RESPONSE", "MET", "2026-01-16T08:15:00Z", "2026-01-16T08:20:00Z"),
                event("t3", "FIRST_RESPONSE", "MET", "2026-01-16T08:15:00Z", "2026-01-16T08:10:00Z"),
                event("t1", "NEXT_REPLY", "MET", "2026-01-16T09:00:00Z", "2026-01-16T08:50:00Z"),
                event("t4", "RESOLUTION", "BREACHED", "2026-01-16T12:00:00Z", "2026-01-16T12:00:00Z"),
                event("t4", "RESOLUTION", "MET", null, "2026-01-16T11:00:00Z"));
        assertEquals(List.of("t1 FIRST_RESPONSE"), BreachAudit.falseBreaches(events));
    }
}
