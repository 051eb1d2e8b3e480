package io.viplane.notify.channel;

import java.time.Duration;

/**
 * Exponential backoff: attempt n waits {@code initial * 2^(n-1)} capped at {@code max}, or the
 * provider's Retry-After when it is longer. A Retry-After beyond {@code maxRetryAfter}, or running
 * out of attempts, ends in a dead letter instead of holding up everything behind it.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                          Duration requestTimeout) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofSeconds(10));

    /** How long to wait before attempt {@code attempt + 1}, given the provider's hint. */
    public Duration delayAfter(int attempt, Duration retryAfter) {
        long exp = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        Duration backoff = Duration.ofMillis(Math.min(exp, maxBackoff.toMillis()));
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }
}
