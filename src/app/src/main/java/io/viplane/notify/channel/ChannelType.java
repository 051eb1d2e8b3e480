package io.viplane.notify.channel;

import java.util.Locale;

/** The kinds of endpoint the notifier talks to. */
public enum ChannelType {
    /** Slack incoming webhook (the URL is the secret). */
    SLACK_WEBHOOK(false),
    /** Slack Web API {@code chat.postMessage} with a bot token. */
    SLACK_API(false),
    /** PagerDuty Events API v2: idempotent by dedup_key while the alert is open. */
    PAGERDUTY(true),
    /** Microsoft Teams Workflows webhook with an Adaptive Card. */
    TEAMS(false),
    /** Any HTTPS endpoint: the notice JSON, HMAC-signed, with a delivery id the receiver can dedup on. */
    WEBHOOK(true);

    private final boolean idempotent;

    ChannelType(boolean idempotent) {
        this.idempotent = idempotent;
    }

    /** True when sending the same delivery twice has no second effect at the receiver. */
    public boolean idempotent() {
        return idempotent;
    }

    public static ChannelType parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
