package io.viplane.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * False breaches in a stream of SLA events: a clock published {@code BREACHED} and later {@code MET}
 * at or before its due time. Such a pair is a page that should never have gone out (a reply still
 * behind on its way when the clock fired); the report shows how many, so a replay or the demo can be
 * checked for them at a glance.
 */
final class BreachAudit {
    private BreachAudit() {
    }

    /** "ticket_id metric" of every clock that breached and was then met within its target, sorted. */
    static List<String> falseBreaches(List<JsonNode> slaEvents) {
        Map<String, Boolean> breached = new HashMap<>();
        TreeSet<String> found = new TreeSet<>();
        for (JsonNode e : slaEvents) {
            String clock = e.path("ticket_id").asText() + " " + e.path("metric").asText();
            switch (e.path("state").asText()) {
                case "BREACHED" -> breached.put(clock, true);
                case "MET" -> {
                    if (breached.containsKey(clock) && metInTime(e)) {
                        found.add(clock);
                    }
                }
                default -> { }
            }
        }
        return List.copyOf(found);
    }

    private static boolean metInTime(JsonNode met) {
        if (!met.path("due_at").isTextual() || !met.path("occurred_at").isTextual()) {
            return false;
        }
        return !Instant.parse(met.path("occurred_at").asText()).isAfter(Instant.parse(met.path("due_at").asText()));
    }
}
