package io.viplane.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.topology.Names;
import java.time.Instant;
import java.util.List;

/**
 * Records the pipeline cannot read, for showing the dead-letter queue. Each is a replay line with
 * {@code "raw"} (text sent as it is) rather than {@code "value"}, because a replay tool that checks
 * values would refuse them before they ever reach Kafka.
 */
final class BadRecords {
    private BadRecords() {
    }

    static List<ObjectNode> build(Instant noon) {
        String at = Json.instant(noon);

        String truncated = "{\"event_id\": \"ev-49901-01\", \"ticket_id\": \"tkt-49901\", \"type\": \"CREATED\", "
                + "\"occurred_at\": \"" + at + "\", \"subject\": \"Cannot log";

        ObjectNode noTime = Json.object();
        noTime.put("event_id", "ev-49902-01").put("ticket_id", "tkt-49902").put("type", "CREATED")
                .put("priority", "NORMAL").put("status", "NEW").put("subject", "Question about SSO")
                .put("channel", "EMAIL");

        ObjectNode unknownEnum = Json.object();
        unknownEnum.put("event_id", "ev-49903-01").put("ticket_id", "tkt-49903").put("type", "CREATED")
                .put("occurred_at", at).put("priority", "CRITICAL").put("status", "NEW")
                .put("subject", "Priority from a help desk with a custom scale").put("channel", "WEB");

        return List.of(
                line("tkt-49901", truncated, "malformed JSON (truncated mid-string)"),
                line("tkt-49902", noTime.toString(), "required field occurred_at is missing"),
                line("tkt-49903", unknownEnum.toString(), "unknown enum value: priority CRITICAL"));
    }

    private static ObjectNode line(String key, String raw, String why) {
        ObjectNode n = Json.object();
        n.put("topic", Names.TICKETS);
        n.put("key", key);
        n.put("raw", raw);
        // Readers ignore unknown fields; this one tells a person looking at the file what is wrong.
        n.put("why", why);
        return n;
    }
}
