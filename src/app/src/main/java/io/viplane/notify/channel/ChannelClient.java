package io.viplane.notify.channel;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one body to one channel with plain {@link HttpClient}: per-type headers (bot token, PagerDuty
 * JSON, HMAC signature re-computed per attempt so its timestamp stays fresh), pacing per channel,
 * and retries by {@link RetryPolicy}. Logs name the channel and the outcome, never the URL, token or body.
 */
public class ChannelClient {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelClient.class);

    /** Sleeping is injectable so retry tests run without waiting. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final HttpClient http;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Long> lastSentNanos = new ConcurrentHashMap<>();

    public ChannelClient(RetryPolicy retry, Clock clock, Sleeper sleeper) {
        this.http = HttpClient.newBuilder().connectTimeout(retry.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.retry = retry;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public ChannelClient(RetryPolicy retry) {
        this(retry, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** The final outcome with the number of attempts made. */
    public record Result(Outcome outcome, int attempts) {
    }

    public Result send(ChannelSpec ch, byte[] body, String deliveryId) throws InterruptedException {
        Outcome last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            pace(ch);
            last = once(ch, body, deliveryId);
            if (last.status() != Outcome.Status.RETRY) {
                if (last.status() == Outcome.Status.PERMANENT) {
                    LOG.warn("channel {}: delivery {} failed permanently: {}", ch.name(), deliveryId, last.reason());
                }
                return new Result(last, attempt);
            }
            if (last.retryAfter() != null && last.retryAfter().compareTo(retry.maxRetryAfter()) > 0) {
                return new Result(Outcome.permanent("gave up: Retry-After " + last.retryAfter().toSeconds()
                        + " s exceeds " + retry.maxRetryAfter().toSeconds() + " s (" + last.reason() + ")"), attempt);
            }
            if (attempt < retry.maxAttempts()) {
                Duration wait = retry.delayAfter(attempt, last.retryAfter());
                LOG.info("channel {}: attempt {} for {}: {}; retrying in {} ms", ch.name(), attempt, deliveryId,
                        last.reason(), wait.toMillis());
                sleeper.sleep(wait);
            }
        }
        return new Result(Outcome.permanent("gave up after " + retry.maxAttempts() + " attempts: " + last.reason()),
                retry.maxAttempts());
    }

    private Outcome once(ChannelSpec ch, byte[] body, String deliveryId) throws InterruptedException {
        Instant now = clock.instant();
        HttpRequest.Builder b = HttpRequest.newBuilder(ch.url()).timeout(retry.requestTimeout())
                .header("User-Agent", "viplane-notify")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        switch (ch.type()) {
            case SLACK_API -> b.header("Content-Type", "application/json; charset=utf-8")
                    .header("Authorization", "Bearer " + ch.secret().reveal());
            case WEBHOOK -> {
                b.header("Content-Type", "application/json")
                        .header(WebhookSigner.DELIVERY_HEADER, deliveryId)
                        .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()));
                if (ch.secret() != null) {
                    b.header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.signatureHeader(body, ch.secret(), now))
                            .header(WebhookSigner.GITHUB_STYLE_HEADER, WebhookSigner.githubStyleHeader(body, ch.secret()));
                }
            }
            default -> b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Responses.read(ch.type(), r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                    r.body(), clock.instant());
        } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
            // never connected: the request did not arrive; safe to retry on every channel
            return Outcome.retry(null, "transport: " + e.getClass().getSimpleName());
        } catch (IOException e) {
            // A timeout or a reset after connecting: the provider may have taken the request. Sent again, an
            // idempotent channel is harmless; Slack or Teams would post twice, so they stop here, visibly.
            if (!ch.resendUncertain()) {
                return Outcome.permanent("outcome unknown: " + e.getClass().getSimpleName()
                        + " after the request was sent; not re-sent to avoid a duplicate post");
            }
            return Outcome.retry(null, "transport: " + e.getClass().getSimpleName());
        }
    }

    private void pace(ChannelSpec ch) throws InterruptedException {
        if (ch.minInterval() == null || ch.minInterval().isZero()) {
            return;
        }
        Long last = lastSentNanos.get(ch.name());
        long now = System.nanoTime();
        if (last != null) {
            long wait = last + ch.minInterval().toNanos() - now;
            if (wait > 0) {
                sleeper.sleep(Duration.ofNanos(wait));
            }
        }
        lastSentNanos.put(ch.name(), System.nanoTime());
    }
}
