package io.viplane.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.Account;
import io.viplane.model.AtRiskAccount;
import io.viplane.model.RoutedTicket;
import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record that breaks the contract is refused with the field and the reason. The offending
 * value never appears in the message: it ends up in logs and dead-letter headers, and values
 * can be personal data.
 */
class JsonRejectionTest {
    private static final String TICKET_TYPES = "[CREATED, CUSTOMER_MESSAGE, AGENT_REPLY, INTERNAL_NOTE, ASSIGNED, "
            + "STATUS_CHANGED, PRIORITY_CHANGED, TRANSFERRED, CUSTOMER_CONFIRMED, CSAT_RECEIVED, FLAGGED_ABUSIVE]";
    private static final String ACCOUNT_FLAGS = "[STRATEGIC_PARTNER, EXEC_REVIEW, BOARD_INVESTOR, NAMED_ENTERPRISE, "
            + "REFERRAL_PARTNER, MULTI_DEPARTMENT, HIGH_GROWTH]";
    private static final String ISO_INSTANT = "ISO-8601 instant such as 2026-01-16T16:47:00Z";

    /** A valid ticket event with one field replaced by raw JSON ({@code null} removes it). */
    private static String ticket(String field, String rawValue) {
        StringBuilder sb = new StringBuilder("{");
        String[][] fields = {
                {"event_id", "\"evt-1\""}, {"ticket_id", "\"tkt-1\""}, {"type", "\"CSAT_RECEIVED\""},
                {"occurred_at", "\"2026-01-16T16:47:00Z\""}, {"csat", "4"}};
        boolean replaced = false;
        for (String[] f : fields) {
            String v = f[0].equals(field) ? rawValue : f[1];
            replaced |= f[0].equals(field);
            if (v != null) {
                sb.append(sb.length() > 1 ? "," : "").append('"').append(f[0]).append("\":").append(v);
            }
        }
        if (!replaced) {
            sb.append(",\"").append(field).append("\":").append(rawValue);
        }
        return sb.append('}').toString();
    }

    private static String account(String field, String rawValue) {
        return "{\"account_id\":\"acc-1\",\"name\":\"Acme\",\"arr\":1000,\"" + field + "\":" + rawValue + "}";
    }

    private static <T extends SpecificRecord> InvalidRecordException rejected(Class<T> type, String json) {
        return assertThrows(InvalidRecordException.class,
                () -> Codecs.json(type).decode(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRejected(Class<? extends SpecificRecord> type, String json, String field,
                                       String message, String secret) {
        InvalidRecordException e = rejected(type, json);
        assertEquals(message, e.getMessage());
        assertEquals(field, e.field());
        if (secret != null) {
            assertFalse(e.getMessage().contains(secret), "the value leaked into: " + e.getMessage());
        }
    }

    // --- malformed and non-object JSON -------------------------------------------------------

    @Test
    void malformedJsonNamesThePositionButNotTheText() {
        // An unquoted token is echoed by the JSON parser's own message: it must not reach ours.
        InvalidRecordException e = rejected(Account.class, "{\"account_id\":\"acc-1\",\"name\":SecretCorp}");
        // The parser reports where it stopped, just past the token (columns 30-39 hold it).
        assertEquals("malformed JSON at line 1, column 41", e.getMessage());
        assertEquals("", e.field());
        InvalidRecordException multiLine = rejected(Account.class, "{\n  \"account_id\": \"acc-1\",\n  \"name\": Secret\n}");
        assertTrue(multiLine.getMessage().startsWith("malformed JSON at line 3, column "), multiLine.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"account_id":"acc-1","name":"Secret Co                 | malformed JSON (truncated) at line 1, column 40
            {"account_id":"acc-1",                                   | malformed JSON (truncated) at line 1, column 23
            {"account_id" "acc-1"}                                   | malformed JSON at line 1, column 15
            {"account_id":'SecretCo'}                                | malformed JSON at line 1, column 15
            {"account_id":"acc-1"}{"account_id":"SecretCo"}          | malformed JSON at line 1, column 23
            """)
    void malformedJson(String json, String message) {
        InvalidRecordException e = rejected(Account.class, json);
        // 1-based positions, checked by counting: the offending character, or just past the end.
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("Secret"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"[{\"account_id\":\"acc-1\"}]", "\"SecretCo\"", "42", "true", "null", "", "   "})
    void jsonThatIsNotAnObject(String json) {
        assertRejected(Account.class, json, "", "expected a JSON object for Account", "SecretCo");
    }

    @Test
    void nullBytesAreATombstoneNotAnError() {
        assertNull(Codecs.json(Account.class).decode(null));
    }

    // --- required fields ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"event_id", "ticket_id", "type", "occurred_at"})
    void missingRequiredField(String field) {
        assertRejected(TicketEvent.class, ticket(field, null), field,
                "field '" + field + "': required field is missing", null);
        assertRejected(TicketEvent.class, ticket(field, "null"), field,
                "field '" + field + "': required field is missing", null);
    }

    @Test
    void missingRequiredFieldOfAnOutput() {
        assertRejected(RoutedTicket.class,
                "{\"ticket_id\":\"t\",\"tier\":\"T1\",\"priority\":\"P1\",\"priority_score\":1,\"queue\":\"q\",\"source_event_id\":\"e\"}",
                "decided_at", "field 'decided_at': required field is missing", null);
    }

    // --- wrong types -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            arr              | "750000SECRET"   | expected a number
            arr              | true             | expected a number
            arr              | 1e400            | expected a finite number
            name             | 424242           | expected a string
            name             | {"first":"X"}    | expected a string
            health_score     | "77"             | expected an integer
            health_score     | 77.5             | expected an integer
            nps              | 3000000000       | expected an integer
            renewal_date     | "30/09/2026"     | not a date YYYY-MM-DD
            renewal_date     | "2026-02-30"     | not a date YYYY-MM-DD
            renewal_date     | "2026-9-30"      | not a date YYYY-MM-DD
            renewal_date     | 20260930         | expected a date YYYY-MM-DD
            updated_at       | "2026-01-16 16:47:00"    | not an ISO-8601 instant such as 2026-01-16T16:47:00Z
            updated_at       | "2027-05-05T10:00:00"    | not an ISO-8601 instant such as 2026-01-16T16:47:00Z
            updated_at       | 1768582020000    | expected an ISO-8601 instant such as 2026-01-16T16:47:00Z
            flags            | "HIGH_GROWTH"    | expected an array
            flags            | ["VIP_SECRET"]   | unknown value, expected one of [STRATEGIC_PARTNER, EXEC_REVIEW, BOARD_INVESTOR, NAMED_ENTERPRISE, REFERRAL_PARTNER, MULTI_DEPARTMENT, HIGH_GROWTH]
            """)
    void accountFieldOfTheWrongType(String field, String raw, String reason) {
        String path = field.equals("flags") && raw.startsWith("[") ? "flags[0]" : field;
        assertRejected(Account.class, account(field, raw), path, "field '" + path + "': " + reason,
                secretOf(raw));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            type          | "OPENED_SECRET"  | type         | unknown value, expected one of TYPES
            type          | "created"        | type         | unknown value, expected one of TYPES
            type          | 1                | type         | expected one of TYPES
            priority      | "CRITICAL"       | priority     | unknown value, expected one of [LOW, NORMAL, HIGH, URGENT]
            occurred_at   | "yesterday"      | occurred_at  | not an ISO-8601 instant such as 2026-01-16T16:47:00Z
            occurred_at   | ""               | occurred_at  | not an ISO-8601 instant such as 2026-01-16T16:47:00Z
            csat          | "4"              | csat         | expected an integer
            csat          | 4.5              | csat         | expected an integer
            warm_handoff  | "yes"            | warm_handoff | expected true or false
            tags          | "billing"        | tags         | expected an array
            tags          | ["ok",7]         | tags[1]      | expected a string
            tags          | ["ok",null]      | tags[1]      | null is not allowed in this array
            event_id      | 12345            | event_id     | expected a string
            """)
    void ticketFieldOfTheWrongType(String field, String raw, String path, String reason) {
        assertRejected(TicketEvent.class, ticket(field, raw), path,
                "field '" + path + "': " + reason.replace("TYPES", TICKET_TYPES), secretOf(raw));
    }

    @Test
    void nestedFieldsAreNamedByTheirPath() {
        String base = "{\"ticket_id\":\"t\",\"tier\":\"T1\",\"priority\":\"P1\",\"priority_score\":1,\"queue\":\"q\","
                + "\"decided_at\":\"2026-01-16T16:47:00Z\",\"source_event_id\":\"e\",\"account_context\":";
        assertRejected(RoutedTicket.class, base + "\"SecretCo\"}", "account_context",
                "field 'account_context': expected an object", "SecretCo");
        assertRejected(RoutedTicket.class, base + "{\"open_tickets\":\"3\"}}", "account_context.open_tickets",
                "field 'account_context.open_tickets': expected an integer", null);
        assertRejected(RoutedTicket.class, base + "{\"churn_risk\":\"DOOMED\"}}", "account_context.churn_risk",
                "field 'account_context.churn_risk': unknown value, expected one of [LOW, MEDIUM, HIGH, CRITICAL]", "DOOMED");
    }

    // --- ranges from the schema ----------------------------------------------------------------

    @ParameterizedTest(name = "csat {0}")
    @CsvSource({"0, below the minimum 1", "6, above the maximum 5", "-3, below the minimum 1"})
    void csatOutOfRange(String raw, String reason) {
        assertRejected(TicketEvent.class, ticket("csat", raw), "csat", "field 'csat': " + reason, raw);
    }

    @ParameterizedTest(name = "health_score {0}")
    @CsvSource({"-1, below the minimum 0", "101, above the maximum 100", "250, above the maximum 100"})
    void healthScoreOutOfRange(String raw, String reason) {
        assertRejected(Account.class, account("health_score", raw), "health_score", "field 'health_score': " + reason, raw);
    }

    @ParameterizedTest(name = "score {0}")
    @CsvSource({"-1.01, below the minimum -1.0", "1.5, above the maximum 1.0", "-7, below the minimum -1.0"})
    void sentimentScoreOutOfRange(String raw, String reason) {
        String json = "{\"event_id\":\"s\",\"ticket_id\":\"t\",\"occurred_at\":\"2026-01-16T16:47:00Z\",\"score\":" + raw + "}";
        assertRejected(SentimentEvent.class, json, "score", "field 'score': " + reason, raw);
    }

    @Test
    void otherRangesOfTheSchema() {
        assertRejected(Account.class, "{\"account_id\":\"a\",\"name\":\"n\",\"arr\":-5}", "arr",
                "field 'arr': below the minimum 0", "-5");
        assertRejected(Account.class, account("nps", "101"), "nps", "field 'nps': above the maximum 100", null);
        assertRejected(AtRiskAccount.class, "{\"account_id\":\"a\",\"risk_level\":\"LOW\",\"risk_score\":101,"
                + "\"recommended_action\":\"x\",\"occurred_at\":\"2026-01-16T16:47:00Z\"}", "risk_score",
                "field 'risk_score': above the maximum 100", null);
    }

    @Test
    void boundariesOfTheRangesAreAccepted() {
        for (String csat : new String[] {"1", "5"}) {
            assertEquals(Integer.valueOf(csat),
                    Codecs.json(TicketEvent.class).decode(bytes(ticket("csat", csat))).getCsat());
        }
        for (String health : new String[] {"0", "100"}) {
            assertEquals(Integer.valueOf(health),
                    Codecs.json(Account.class).decode(bytes(account("health_score", health))).getHealthScore());
        }
        for (String score : new String[] {"-1", "-1.0", "1", "1.0", "0"}) {
            String json = "{\"event_id\":\"s\",\"ticket_id\":\"t\",\"occurred_at\":\"2026-01-16T16:47:00Z\",\"score\":" + score + "}";
            assertEquals(Double.parseDouble(score), Codecs.json(SentimentEvent.class).decode(bytes(json)).getScore());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The part of a raw value that must not be echoed: its text without JSON quoting. */
    private static String secretOf(String raw) {
        String s = raw.replaceAll("^[\\[\"{]+|[\\]\"}]+$", "");
        // One-character values (1, 7) occur in any message; the test is meaningful for longer ones.
        return s.length() < 3 ? null : s;
    }
}
