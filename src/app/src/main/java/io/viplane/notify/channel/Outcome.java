package io.viplane.notify.channel;

import java.time.Duration;

/**
 * What one HTTP exchange meant. Reasons name the status and the provider's error code, never the
 * URL (a webhook URL is a credential) or the request.
 */
public record Outcome(Status status, String providerId, Duration retryAfter, String reason) {
    public enum Status { DELIVERED, RETRY, PERMANENT }

    public static Outcome delivered(String providerId) {
        return new Outcome(Status.DELIVERED, providerId, null, null);
    }

    public static Outcome retry(Duration after, String reason) {
        return new Outcome(Status.RETRY, null, after, reason);
    }

    public static Outcome permanent(String reason) {
        return new Outcome(Status.PERMANENT, null, null, reason);
    }
}
