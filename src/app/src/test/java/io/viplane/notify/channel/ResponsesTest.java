package io.viplane.notify.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResponsesTest {
    private static final Instant NOW = Instant.parse("2026-01-14T15:00:00Z");

    @Test
    void rateLimitsAndServerErrorsAreRetriedHonouringRetryAfter() {
        Outcome o = Responses.read(ChannelType.SLACK_WEBHOOK, 429, "7", "", NOW);
        assertEquals(Outcome.Status.RETRY, o.status());
        assertEquals(Duration.ofSeconds(7), o.retryAfter());
        Outcome d = Responses.read(ChannelType.PAGERDUTY, 503, "Wed, 14 Jan 2026 15:00:30 GMT", "", NOW);
        assertEquals(Outcome.Status.RETRY, d.status());
        assertEquals(Duration.ofSeconds(30), d.retryAfter());
        assertNull(Responses.read(ChannelType.TEAMS, 500, null, "", NOW).retryAfter());
    }

    @Test
    void clientErrorsArePermanentWithTheProvidersCode() {
        Outcome o = Responses.read(ChannelType.SLACK_WEBHOOK, 404, null, "channel_not_found", NOW);
        assertEquals(Outcome.Status.PERMANENT, o.status());
        assertEquals("HTTP 404: channel_not_found", o.reason());
        assertEquals(Outcome.Status.PERMANENT, Responses.read(ChannelType.PAGERDUTY, 400, null,
                "{\"status\":\"invalid event\",\"errors\":[\"'payload.summary' is missing\"]}", NOW).status());
    }

    @Test
    void slackWebApiOkFalseIsReadFromTheBody() {
        Outcome ok = Responses.read(ChannelType.SLACK_API, 200, null, "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}", NOW);
        assertEquals(Outcome.Status.DELIVERED, ok.status());
        assertEquals("1700000000.000100", ok.providerId());
        Outcome gone = Responses.read(ChannelType.SLACK_API, 200, null, "{\"ok\":false,\"error\":\"channel_not_found\"}", NOW);
        assertEquals(Outcome.Status.PERMANENT, gone.status());
        assertEquals("slack error channel_not_found", gone.reason());
        assertEquals(Outcome.Status.RETRY,
                Responses.read(ChannelType.SLACK_API, 200, null, "{\"ok\":false,\"error\":\"ratelimited\"}", NOW).status());
    }

    @Test
    void pagerDutyAcceptsWith202AndEchoesTheDedupKey() {
        Outcome o = Responses.read(ChannelType.PAGERDUTY, 202, null,
                "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"viplane/t/sla/FIRST_RESPONSE\"}", NOW);
        assertEquals(Outcome.Status.DELIVERED, o.status());
        assertEquals("viplane/t/sla/FIRST_RESPONSE", o.providerId());
    }

    @Test
    void backoffDoublesUpToItsCapAndALongerRetryAfterWins() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofMinutes(1), Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(100), p.delayAfter(1, null));
        assertEquals(Duration.ofMillis(400), p.delayAfter(3, null));
        assertEquals(Duration.ofMillis(1000), p.delayAfter(10, null));
        assertEquals(Duration.ofSeconds(5), p.delayAfter(1, Duration.ofSeconds(5)));
        assertFalse(p.delayAfter(1, Duration.ofMillis(10)).isNegative());
        assertTrue(Secret.of("xoxb-very-secret").toString().equals("***"));
    }
}
