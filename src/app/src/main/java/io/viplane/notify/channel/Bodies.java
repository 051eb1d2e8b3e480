package io.viplane.notify.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.notify.Notice;
import io.viplane.notify.NotifyJson;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The request body for a channel: one notice, or a digest of several. */
public final class Bodies {
    private Bodies() {
    }

    public static byte[] single(ChannelSpec ch, Notice n, Links links, Instant now) {
        ObjectNode body = switch (ch.type()) {
            case SLACK_WEBHOOK -> SlackPayloads.message(n, links, now);
            case SLACK_API -> SlackPayloads.message(n, links, now).put("channel", ch.slackChannel());
            case TEAMS -> TeamsPayloads.message(n, links, now);
            case PAGERDUTY -> n.source() == Notice.Source.RESOLVE ? PagerDutyPayloads.resolve(n.dedupKey(), ch.secret())
                    : PagerDutyPayloads.trigger(n, ch.secret(), links);
            case WEBHOOK -> webhook(n, deliveryId(n, ch));
        };
        return NotifyJson.bytes(body);
    }

    public static byte[] digest(ChannelSpec ch, String title, String digestKey, List<Notice> notices, Links links) {
        ObjectNode body = switch (ch.type()) {
            case SLACK_WEBHOOK -> SlackPayloads.digest(title, notices, links);
            case SLACK_API -> SlackPayloads.digest(title, notices, links).put("channel", ch.slackChannel());
            case TEAMS -> TeamsPayloads.digest(title, notices, links);
            case WEBHOOK -> {
                ObjectNode o = NotifyJson.object().put("event", "digest").put("delivery_id", digestKey).put("title", title);
                ArrayNode arr = o.putArray("notices");
                notices.forEach(n -> arr.add(NotifyJson.MAPPER.valueToTree(n)));
                yield o;
            }
            case PAGERDUTY -> throw new IllegalArgumentException("PagerDuty takes no digest"); // rejected by RoutesFile
        };
        return NotifyJson.bytes(body);
    }

    /**
     * The generic webhook's JSON: {@code {"event": "escalation", "delivery_id": ..., "notice": {...}}}
     * where the notice's fields keep the contract's names (escalation: ticket_id, tier, kind, target,
     * respond_within_minutes, summary, evidence, occurred_at; at-risk: risk_level, risk_score, ...).
     */
    public static ObjectNode webhook(Notice n, String deliveryId) {
        ObjectNode o = NotifyJson.object().put("event", n.source().name().toLowerCase(Locale.ROOT))
                .put("delivery_id", deliveryId);
        o.set("notice", NotifyJson.MAPPER.valueToTree(n));
        return o;
    }

    public static String deliveryId(Notice n, ChannelSpec ch) {
        return n.id() + "|" + ch.name();
    }
}
