package io.viplane.notify.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.notify.Notice;
import io.viplane.notify.NotifyJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * PagerDuty Events API v2 ({@code POST https://events.pagerduty.com/v2/enqueue}) events: a
 * {@code trigger} with {@code routing_key}, {@code dedup_key} (at most 255 characters),
 * {@code payload.summary} (at most 1,024), {@code payload.source}, {@code payload.severity}
 * (critical / error / warning / info), timestamp, group, class and {@code custom_details}; a
 * {@code resolve} with only routing key, action and dedup key. PagerDuty answers 202 with
 * {@code {"status":"success","dedup_key":...}}. A trigger with an open alert's dedup key is
 * appended to that alert instead of paging again, which makes a re-sent trigger harmless.
 */
public final class PagerDutyPayloads {
    public static final int MAX_DEDUP_KEY = 255;
    public static final int MAX_SUMMARY = 1024;
    public static final String SOURCE = "viplane";
    private static final Set<String> WARNING_KINDS = Set.of("SLA_WARNING", "FOLLOW_UP_DUE", "POSSIBLE_VIP_CONTACT",
            "CLOSED_WITHOUT_CONFIRMATION", "TRANSFER_WITHOUT_HANDOFF");

    private PagerDutyPayloads() {
    }

    public static ObjectNode trigger(Notice n, Secret routingKey, Links links) {
        ObjectNode e = NotifyJson.object().put("routing_key", routingKey.reveal()).put("event_action", "trigger")
                .put("dedup_key", n.dedupKey());
        ObjectNode p = e.putObject("payload");
        p.put("summary", SlackPayloads.truncate(CardFacts.oneLine(n), MAX_SUMMARY));
        p.put("source", SOURCE);
        p.put("severity", severity(n));
        p.put("timestamp", n.occurredAt().toString());
        p.put("component", "support");
        if (n.tier() != null) {
            p.put("group", n.tier());
        }
        p.put("class", n.kind());
        ObjectNode d = p.putObject("custom_details");
        putIf(d, "ticket_id", n.ticketId());
        putIf(d, "account_id", n.accountId());
        putIf(d, "tier", n.tier());
        putIf(d, "priority", n.priority());
        putIf(d, "target", n.target());
        if (n.respondWithinMinutes() != null) {
            d.put("respond_within_minutes", n.respondWithinMinutes());
        }
        if (n.slaDueAt() != null) {
            d.put("sla_due_at", n.slaDueAt().toString());
        }
        putIf(d, "risk_level", n.riskLevel());
        putIf(d, "recommended_action", n.recommendedAction());
        d.set("evidence", NotifyJson.MAPPER.valueToTree(n.evidence()));
        d.put("notice_id", n.id());
        String url = links.forNotice(n);
        if (url != null) {
            e.putArray("links").addObject().put("href", url).put("text", links.labelFor(n));
        }
        e.put("client", "viplane");
        return e;
    }

    public static ObjectNode resolve(String dedupKey, Secret routingKey) {
        return NotifyJson.object().put("routing_key", routingKey.reveal()).put("event_action", "resolve")
                .put("dedup_key", dedupKey);
    }

    /** T1 or P1 pages as critical, T2 as error; warnings and checks, and the lower tiers, as warning. */
    public static String severity(Notice n) {
        if (n.source() == Notice.Source.AT_RISK) {
            return switch (String.valueOf(n.riskLevel())) {
                case "CRITICAL" -> "critical";
                case "HIGH" -> "error";
                default -> "warning";
            };
        }
        if (WARNING_KINDS.contains(n.kind())) {
            return "warning";
        }
        if ("T1".equals(n.tier()) || "P1".equals(n.priority())) {
            return "critical";
        }
        return "T2".equals(n.tier()) ? "error" : "warning";
    }

    /** A dedup key within PagerDuty's 255 characters: the readable key, or a hash of it when longer. */
    public static String boundedKey(String key) {
        if (key.length() <= MAX_DEDUP_KEY) {
            return key;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "viplane/sha256/" + HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIf(ObjectNode o, String k, String v) {
        if (v != null) {
            o.put(k, v);
        }
    }
}
