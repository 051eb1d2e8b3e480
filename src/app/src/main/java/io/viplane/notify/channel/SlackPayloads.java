package io.viplane.notify.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.notify.Notice;
import io.viplane.notify.NotifyJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Slack Block Kit messages for incoming webhooks and {@code chat.postMessage} (same body; the API
 * adds {@code channel}). Built within Slack's documented limits, by truncating rather than failing:
 * at most 50 blocks, a section's text at most 3,000 characters, a header 150, at most 10 fields of
 * at most 2,000 characters, 10 context elements, a button's text 75 and its URL 3,000. The top-level
 * {@code text} is the notification / accessibility fallback Slack asks for whenever blocks are sent.
 * Every user-visible string is mrkdwn-escaped ({@code & < >}), since evidence may quote a few words
 * of the customer's.
 */
public final class SlackPayloads {
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_TEXT = 3000;
    public static final int MAX_HEADER_TEXT = 150;
    public static final int MAX_FIELDS = 10;
    public static final int MAX_FIELD_TEXT = 2000;
    public static final int MAX_BUTTON_TEXT = 75;
    public static final int MAX_URL = 3000;
    /** Our own cap for the fallback text (Slack truncates at 40,000): a notification line, not a document. */
    public static final int MAX_FALLBACK_TEXT = 500;

    private SlackPayloads() {
    }

    /** One notice as a card. */
    public static ObjectNode message(Notice n, Links links, Instant now) {
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(header(CardFacts.title(n)));
        blocks.add(section(escape(n.summary())));
        Map<String, String> facts = CardFacts.facts(n, now);
        if (!facts.isEmpty()) {
            ObjectNode s = NotifyJson.object().put("type", "section");
            ArrayNode fields = s.putArray("fields");
            facts.entrySet().stream().limit(MAX_FIELDS).forEach(e -> fields.add(mrkdwn(
                    truncate("*" + escape(e.getKey()) + "*\n" + escape(e.getValue()), MAX_FIELD_TEXT))));
            blocks.add(s);
        }
        // Evidence (or at-risk signals): one bullet per line, packed into as few sections as fit.
        List<String> lines = n.evidence().stream().map(l -> "• " + escape(l)).toList();
        String label = n.source() == Notice.Source.AT_RISK ? "*Signals*" : "*Evidence*";
        int reserved = 2; // actions + context at the end
        List<String> chunks = pack(label, lines, MAX_SECTION_TEXT);
        int room = MAX_BLOCKS - blocks.size() - reserved;
        int shown = 0;
        for (String chunk : chunks) {
            if (shown >= room - 1 && chunks.size() > room) {
                break; // keep one block for the "more" note below
            }
            blocks.add(section(chunk));
            shown++;
        }
        if (shown < chunks.size()) {
            blocks.add(context("… " + (chunks.size() - shown) + " more evidence blocks left out (Slack's 50-block limit)"));
        }
        String url = links.forNotice(n);
        if (url != null && url.length() <= MAX_URL) {
            ObjectNode actions = NotifyJson.object().put("type", "actions");
            ObjectNode button = actions.putArray("elements").addObject().put("type", "button");
            button.putObject("text").put("type", "plain_text").put("text", truncate(links.labelFor(n), MAX_BUTTON_TEXT));
            button.put("url", url).put("action_id", "open");
            blocks.add(actions);
        }
        blocks.add(context("viplane · " + escape(n.source().name().toLowerCase()) + " " + escape(n.id())));
        return body(truncate(CardFacts.oneLine(n), MAX_FALLBACK_TEXT), blocks);
    }

    /** Several held notices as one digest message: one line each, "and N more" past the block limit. */
    public static ObjectNode digest(String title, List<Notice> notices, Links links) {
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(header(title + " (" + notices.size() + ")"));
        List<String> lines = new ArrayList<>();
        for (Notice n : notices) {
            String url = links.forNotice(n);
            String line = "• " + escape(CardFacts.oneLine(n));
            lines.add(url == null ? line : line + " <" + url + "|open>");
        }
        List<String> chunks = pack(null, lines, MAX_SECTION_TEXT);
        int room = MAX_BLOCKS - blocks.size() - 1;
        int shown = 0;
        for (String chunk : chunks) {
            if (shown >= room) {
                break;
            }
            blocks.add(section(chunk));
            shown++;
        }
        long linesShown = chunks.stream().limit(shown).mapToLong(c -> c.lines().count()).sum();
        blocks.add(context(linesShown < notices.size()
                ? "… and " + (notices.size() - linesShown) + " more" : "viplane digest"));
        return body(truncate(title + ": " + notices.size() + " notices", MAX_FALLBACK_TEXT), blocks);
    }

    private static ObjectNode body(String text, List<ObjectNode> blocks) {
        ObjectNode body = NotifyJson.object().put("text", text);
        ArrayNode arr = body.putArray("blocks");
        blocks.forEach(arr::add);
        return body;
    }

    /** Lines joined with newlines into chunks of at most {@code max} characters; an over-long line is cut. */
    static List<String> pack(String label, List<String> lines, int max) {
        List<String> chunks = new ArrayList<>();
        StringBuilder cur = new StringBuilder(label == null ? "" : label);
        for (String raw : lines) {
            String line = truncate(raw, max);
            int extra = (cur.length() == 0 ? 0 : 1) + line.length();
            if (cur.length() + extra > max) {
                chunks.add(cur.toString());
                cur = new StringBuilder();
            }
            if (cur.length() > 0) {
                cur.append('\n');
            }
            cur.append(line);
        }
        if (cur.length() > 0 && !(label != null && cur.toString().equals(label))) {
            chunks.add(cur.toString());
        }
        return chunks;
    }

    private static ObjectNode header(String text) {
        ObjectNode h = NotifyJson.object().put("type", "header");
        h.putObject("text").put("type", "plain_text").put("text", truncate(text, MAX_HEADER_TEXT));
        return h;
    }

    private static ObjectNode section(String mrkdwnText) {
        ObjectNode s = NotifyJson.object().put("type", "section");
        s.set("text", mrkdwn(truncate(mrkdwnText, MAX_SECTION_TEXT)));
        return s;
    }

    private static ObjectNode context(String mrkdwnText) {
        ObjectNode c = NotifyJson.object().put("type", "context");
        c.putArray("elements").add(mrkdwn(truncate(mrkdwnText, MAX_SECTION_TEXT)));
        return c;
    }

    private static ObjectNode mrkdwn(String text) {
        return NotifyJson.object().put("type", "mrkdwn").put("text", text);
    }

    /** Slack's three control characters in mrkdwn. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** At most {@code max} characters (code points are not split), ending in "…" when cut. */
    public static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
