package io.viplane.notify.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.notify.NotifyJson;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Reads each provider's answer (pure, so every documented case has a unit test):
 * 429 and 5xx (and 408) are retried, honouring {@code Retry-After} (seconds or an HTTP date);
 * other 4xx are permanent. Slack's Web API answers HTTP 200 with {@code "ok": false} and an error
 * code, of which only the transient ones are retried; PagerDuty accepts with 202 and echoes the
 * dedup key; Slack's incoming webhooks answer 200 "ok" or a 4xx with a plain error code.
 */
public final class Responses {
    private static final Set<String> SLACK_TRANSIENT = Set.of("rate_limited", "ratelimited", "internal_error",
            "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org");
    private static final int MAX_REASON_BODY = 120;

    private Responses() {
    }

    public static Outcome read(ChannelType type, int status, String retryAfterHeader, String body, Instant now) {
        Duration after = retryAfter(retryAfterHeader, now);
        if (status == 429 || status == 408 || status >= 500) {
            return Outcome.retry(after, "HTTP " + status + snippet(body));
        }
        if (status >= 400 || status < 200 || status >= 300) {
            return Outcome.permanent("HTTP " + status + snippet(body));
        }
        return switch (type) {
            case SLACK_API -> slackApi(body, after);
            case PAGERDUTY -> {
                JsonNode j = parse(body);
                yield Outcome.delivered(j != null && j.hasNonNull("dedup_key") ? j.get("dedup_key").asText() : null);
            }
            case SLACK_WEBHOOK -> Outcome.delivered("ok");
            default -> Outcome.delivered("HTTP " + status);
        };
    }

    private static Outcome slackApi(String body, Duration after) {
        JsonNode j = parse(body);
        if (j == null || !j.has("ok")) {
            return Outcome.retry(after, "slack: unreadable response");
        }
        if (j.get("ok").asBoolean()) {
            return Outcome.delivered(j.path("ts").asText(null));
        }
        String error = j.path("error").asText("unknown_error");
        return SLACK_TRANSIENT.contains(error) ? Outcome.retry(after, "slack error " + error)
                : Outcome.permanent("slack error " + error);
    }

    /** Seconds or an RFC 1123 date; null when absent or unreadable. */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : NotifyJson.MAPPER.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** The provider's short error text, printable characters only, capped. */
    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String s = body.replaceAll("[^\\x20-\\x7E]", " ").trim();
        return ": " + (s.length() > MAX_REASON_BODY ? s.substring(0, MAX_REASON_BODY) + "…" : s);
    }
}
