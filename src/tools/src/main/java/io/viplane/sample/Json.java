package io.viplane.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** JSON helpers in the contract's encoding: snake_case, ISO-8601 instants to the second, optional fields omitted. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String instant(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Absent optional fields are left out rather than written as null: both are valid, missing is smaller. */
    static void putIfSet(ObjectNode n, String field, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Integer i) {
            n.put(field, i);
        } else if (value instanceof Double d) {
            n.put(field, d);
        } else if (value instanceof Boolean b) {
            n.put(field, b);
        } else if (value instanceof Instant t) {
            n.put(field, instant(t));
        } else {
            n.put(field, value.toString());
        }
    }
}
