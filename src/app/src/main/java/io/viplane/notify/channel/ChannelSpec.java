package io.viplane.notify.channel;

import java.net.URI;
import java.time.Duration;

/**
 * One configured destination.
 *
 * @param url            endpoint; for webhooks it is itself a secret and is never logged
 * @param secret         Slack bot token, PagerDuty routing key or webhook signing secret (null for
 *                       Slack/Teams webhooks, whose URL is the credential)
 * @param slackChannel   channel id for {@code chat.postMessage}
 * @param minInterval    pacing between two requests (Slack: about 1 message per second per channel;
 *                       PagerDuty: about 120 events per minute per routing key)
 * @param resendUncertain re-send a delivery whose outcome is unknown after a crash (default: only
 *                       for idempotent channel types)
 */
public record ChannelSpec(String name, ChannelType type, URI url, Secret secret, String slackChannel,
                          Duration minInterval, boolean resendUncertain) {
    public static final URI PAGERDUTY_EVENTS = URI.create("https://events.pagerduty.com/v2/enqueue");
    public static final URI SLACK_POST_MESSAGE = URI.create("https://slack.com/api/chat.postMessage");

    @Override
    public String toString() {
        return name + " (" + type + ")"; // never the URL or the secret
    }
}
