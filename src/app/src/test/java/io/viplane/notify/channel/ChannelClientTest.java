package io.viplane.notify.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.Tier;
import io.viplane.notify.FakeEndpoints;
import io.viplane.notify.Samples;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries against the loopback fakes; sleeping is recorded instead of waited. */
class ChannelClientTest {
    private final FakeEndpoints fakes = new FakeEndpoints("whsec");
    private final List<Duration> slept = new ArrayList<>();
    private final ChannelClient client = new ChannelClient(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(800),
            Duration.ofSeconds(30), Duration.ofSeconds(5)), Clock.systemUTC(), slept::add);

    ChannelClientTest() throws Exception {
    }

    @AfterEach
    void close() {
        fakes.close();
    }

    private ChannelSpec ch(ChannelType type, String path, Secret secret) {
        return new ChannelSpec("c", type, URI.create(fakes.url(path)), secret, "C1", Duration.ZERO, type.idempotent());
    }

    private static final Instant NOW = Instant.parse("2026-01-14T15:03:00Z");

    @Test
    void honoursRetryAfterOn429ThenDelivers() throws Exception {
        fakes.script("/slack/a", 429, 3);
        fakes.script("/slack/a", 500, -1);
        ChannelSpec c = ch(ChannelType.SLACK_WEBHOOK, "/slack/a", null);
        ChannelClient.Result r = client.send(c, Bodies.single(c, Samples.breach("t1", Tier.T1), Links.NONE, NOW), "d1");
        assertEquals(Outcome.Status.DELIVERED, r.outcome().status());
        assertEquals(3, r.attempts());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofMillis(200)), slept, "Retry-After, then backoff");
        assertEquals(1, fakes.accepted("/slack/a").size());
    }

    @Test
    void aClientErrorIsPermanentAtOnceAndPersistentServerErrorsGiveUp() throws Exception {
        fakes.script("/teams/x", 400, -1);
        ChannelSpec t = ch(ChannelType.TEAMS, "/teams/x", null);
        ChannelClient.Result bad = client.send(t, Bodies.single(t, Samples.breach("t2", Tier.T2), Links.NONE, NOW), "d2");
        assertEquals(Outcome.Status.PERMANENT, bad.outcome().status());
        assertEquals(1, bad.attempts());
        for (int i = 0; i < 4; i++) {
            fakes.script("/teams/y", 503, -1);
        }
        ChannelSpec y = ch(ChannelType.TEAMS, "/teams/y", null);
        ChannelClient.Result down = client.send(y, Bodies.single(y, Samples.breach("t3", Tier.T2), Links.NONE, NOW), "d3");
        assertEquals(Outcome.Status.PERMANENT, down.outcome().status());
        assertEquals("gave up after 4 attempts: HTTP 503: {\"status\":\"scripted\"}", down.outcome().reason());
        fakes.script("/teams/z", 429, 3600);
        ChannelSpec z = ch(ChannelType.TEAMS, "/teams/z", null);
        assertTrue(client.send(z, Bodies.single(z, Samples.breach("t4", Tier.T2), Links.NONE, NOW), "d4")
                .outcome().reason().startsWith("gave up: Retry-After 3600 s"));
    }

    @Test
    void aTimeoutAfterSendingIsRetriedOnlyWhereASecondRequestIsHarmless() throws Exception {
        ChannelClient quick = new ChannelClient(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofSeconds(30), Duration.ofMillis(300)), Clock.systemUTC(), slept::add);
        Runnable slackAnswers = fakes.hold("/slack/slow");
        Runnable hookAnswers = fakes.hold("/hook/slow");
        try {
            ChannelSpec slack = ch(ChannelType.SLACK_WEBHOOK, "/slack/slow", null);
            ChannelClient.Result s = quick.send(slack, Bodies.single(slack, Samples.breach("t9", Tier.T1), Links.NONE, NOW), "d9");
            assertEquals(Outcome.Status.PERMANENT, s.outcome().status());
            assertEquals(1, s.attempts(), "Slack may have posted it: not sent again");
            assertTrue(s.outcome().reason().startsWith("outcome unknown: HttpTimeoutException"), s.outcome().reason());
            ChannelSpec hook = ch(ChannelType.WEBHOOK, "/hook/slow", Secret.of("whsec"));
            ChannelClient.Result h = quick.send(hook, Bodies.single(hook, Samples.breach("t10", Tier.T1), Links.NONE, NOW), "d10");
            assertEquals(3, h.attempts(), "a webhook carries its delivery id: sent again");
        } finally {
            slackAnswers.run();
            hookAnswers.run();
        }
        ChannelSpec refused = new ChannelSpec("c", ChannelType.SLACK_WEBHOOK, URI.create("http://127.0.0.1:1/slack"), null, "C1",
                Duration.ZERO, false);
        assertEquals(3, quick.send(refused, Bodies.single(refused, Samples.breach("t11", Tier.T1), Links.NONE, NOW), "d11")
                .attempts(), "never connected: retried on Slack too");
    }

    @Test
    void slackApiSendsTheBotTokenAndReadsTheTs() throws Exception {
        ChannelSpec c = ch(ChannelType.SLACK_API, "/api/chat.postMessage", Secret.of("xoxb-test"));
        ChannelClient.Result r = client.send(c, Bodies.single(c, Samples.breach("t5", Tier.T1), Links.NONE, NOW), "d5");
        assertEquals(Outcome.Status.DELIVERED, r.outcome().status());
        assertTrue(r.outcome().providerId().endsWith(".0001"));
        ChannelSpec wrong = ch(ChannelType.SLACK_API, "/api/chat.postMessage", Secret.of("xoxb-wrong"));
        assertEquals("slack error invalid_auth", client.send(wrong, Bodies.single(wrong, Samples.breach("t6", Tier.T1),
                Links.NONE, NOW), "d6").outcome().reason());
    }

    @Test
    void webhookRequestsAreSignedAndCarryTheDeliveryId() throws Exception {
        ChannelSpec c = ch(ChannelType.WEBHOOK, "/hook/crm", Secret.of("whsec"));
        assertEquals(Outcome.Status.DELIVERED, client.send(c, Bodies.single(c, Samples.breach("t7", Tier.T1), Links.NONE, NOW),
                "esc-t7|c").outcome().status());
        FakeEndpoints.Hit h = fakes.accepted("/hook/crm").get(0);
        assertEquals("esc-t7|c", h.headers().get("x-viplane-delivery"));
        assertTrue(h.headers().get("x-hub-signature-256").startsWith("sha256="));
        ChannelSpec unsigned = ch(ChannelType.WEBHOOK, "/hook/crm", Secret.of("wrong"));
        assertEquals(Outcome.Status.PERMANENT, client.send(unsigned, Bodies.single(unsigned, Samples.breach("t8", Tier.T1),
                Links.NONE, NOW), "x").outcome().status());
    }
}
