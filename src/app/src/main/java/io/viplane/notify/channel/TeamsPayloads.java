package io.viplane.notify.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.notify.Notice;
import io.viplane.notify.NotifyJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Teams via a Workflows ("Post to a channel when a webhook request is received") webhook:
 * a {@code message} whose {@code attachments} hold one Adaptive Card
 * ({@code contentType application/vnd.microsoft.card.adaptive}, schema version 1.4). Office 365
 * connector MessageCards are retired, so none are built. Evidence is capped so the request stays
 * well under Teams' 28 KB message size.
 */
public final class TeamsPayloads {
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    public static final String CARD_VERSION = "1.4";
    public static final int MAX_EVIDENCE_LINES = 30;
    public static final int MAX_LINE = 500;

    private TeamsPayloads() {
    }

    public static ObjectNode message(Notice n, Links links, Instant now) {
        ObjectNode card = card();
        ArrayNode body = card.putArray("body");
        body.add(text(CardFacts.title(n), true));
        body.add(text(n.summary(), false));
        Map<String, String> facts = CardFacts.facts(n, now);
        if (!facts.isEmpty()) {
            ArrayNode fs = body.addObject().put("type", "FactSet").putArray("facts");
            facts.forEach((k, v) -> fs.addObject().put("title", k).put("value", v));
        }
        List<String> lines = n.evidence();
        if (!lines.isEmpty()) {
            body.add(text(n.source() == Notice.Source.AT_RISK ? "Signals" : "Evidence", true).put("size", "Default"));
            lines.stream().limit(MAX_EVIDENCE_LINES)
                    .forEach(l -> body.add(text("- " + SlackPayloads.truncate(l, MAX_LINE), false).put("spacing", "None")));
            if (lines.size() > MAX_EVIDENCE_LINES) {
                body.add(text("… " + (lines.size() - MAX_EVIDENCE_LINES) + " more", false).put("isSubtle", true));
            }
        }
        String url = links.forNotice(n);
        if (url != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl")
                    .put("title", links.labelFor(n)).put("url", url);
        }
        return wrap(card);
    }

    public static ObjectNode digest(String title, List<Notice> notices, Links links) {
        ObjectNode card = card();
        ArrayNode body = card.putArray("body");
        body.add(text(title + " (" + notices.size() + ")", true));
        notices.stream().limit(MAX_EVIDENCE_LINES).forEach(n -> {
            String url = links.forNotice(n);
            String line = "- " + SlackPayloads.truncate(CardFacts.oneLine(n), MAX_LINE);
            body.add(text(url == null ? line : line + " [open](" + url + ")", false).put("spacing", "None"));
        });
        if (notices.size() > MAX_EVIDENCE_LINES) {
            body.add(text("… and " + (notices.size() - MAX_EVIDENCE_LINES) + " more", false).put("isSubtle", true));
        }
        return wrap(card);
    }

    private static ObjectNode card() {
        return NotifyJson.object().put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard").put("version", CARD_VERSION);
    }

    private static ObjectNode wrap(ObjectNode card) {
        ObjectNode msg = NotifyJson.object().put("type", "message");
        ObjectNode att = msg.putArray("attachments").addObject().put("contentType", CONTENT_TYPE);
        att.putNull("contentUrl");
        att.set("content", card);
        return msg;
    }

    private static ObjectNode text(String s, boolean bold) {
        ObjectNode t = NotifyJson.object().put("type", "TextBlock").put("text", s == null ? "" : s).put("wrap", true);
        if (bold) {
            t.put("weight", "Bolder").put("size", "Medium");
        }
        return t;
    }
}
