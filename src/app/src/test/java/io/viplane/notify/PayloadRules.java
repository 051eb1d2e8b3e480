package io.viplane.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The providers' documented payload rules, checked independently of the builders (used by the unit
 * tests and by the fake endpoints of the integration tests). Each method returns the violations.
 */
public final class PayloadRules {
    private static final Set<String> BLOCK_TYPES = Set.of("header", "section", "context", "actions", "divider");

    private PayloadRules() {
    }

    /** Slack Block Kit message: fallback text, ≤ 50 blocks, section text ≤ 3,000, header ≤ 150, ≤ 10 fields of ≤ 2,000. */
    public static List<String> slack(JsonNode msg) {
        List<String> v = new ArrayList<>();
        if (!msg.hasNonNull("text") || msg.get("text").asText().isBlank()) {
            v.add("top-level text (fallback) missing");
        }
        JsonNode blocks = msg.path("blocks");
        if (!blocks.isArray() || blocks.isEmpty()) {
            v.add("no blocks");
            return v;
        }
        if (blocks.size() > 50) {
            v.add("more than 50 blocks: " + blocks.size());
        }
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode b = blocks.get(i);
            String type = b.path("type").asText();
            if (!BLOCK_TYPES.contains(type)) {
                v.add("block " + i + ": unknown type " + type);
            }
            switch (type) {
                case "header" -> {
                    if (!b.path("text").path("type").asText().equals("plain_text")) {
                        v.add("header " + i + " not plain_text");
                    }
                    if (b.path("text").path("text").asText().length() > 150) {
                        v.add("header " + i + " over 150 characters");
                    }
                }
                case "section" -> {
                    if (!b.has("text") && !b.has("fields")) {
                        v.add("section " + i + " without text or fields");
                    }
                    if (b.path("text").path("text").asText().length() > 3000) {
                        v.add("section " + i + " text over 3000 characters");
                    }
                    if (b.has("fields")) {
                        if (b.get("fields").size() > 10) {
                            v.add("section " + i + " over 10 fields");
                        }
                        b.get("fields").forEach(f -> {
                            if (f.path("text").asText().length() > 2000) {
                                v.add("field over 2000 characters");
                            }
                        });
                    }
                }
                case "context" -> {
                    if (b.path("elements").size() > 10 || b.path("elements").isEmpty()) {
                        v.add("context " + i + " needs 1..10 elements");
                    }
                }
                case "actions" -> b.path("elements").forEach(e -> {
                    if (e.path("text").path("text").asText().length() > 75) {
                        v.add("button text over 75");
                    }
                    if (e.path("url").asText().length() > 3000) {
                        v.add("button url over 3000");
                    }
                });
                default -> {
                }
            }
        }
        return v;
    }

    /** Teams Workflows webhook: type message, one Adaptive Card attachment, version ≥ 1.3, a body. */
    public static List<String> teams(JsonNode msg) {
        List<String> v = new ArrayList<>();
        if (!"message".equals(msg.path("type").asText())) {
            v.add("type is not message");
        }
        JsonNode att = msg.path("attachments");
        if (!att.isArray() || att.size() != 1) {
            v.add("expected one attachment");
            return v;
        }
        JsonNode a = att.get(0);
        if (!"application/vnd.microsoft.card.adaptive".equals(a.path("contentType").asText())) {
            v.add("contentType is not an Adaptive Card");
        }
        JsonNode card = a.path("content");
        if (!"AdaptiveCard".equals(card.path("type").asText())) {
            v.add("content.type is not AdaptiveCard");
        }
        String version = card.path("version").asText("0");
        String[] parts = version.split("\\.");
        if (parts.length < 2 || Integer.parseInt(parts[0]) < 1 || (Integer.parseInt(parts[0]) == 1 && Integer.parseInt(parts[1]) < 3)) {
            v.add("card version below 1.3: " + version);
        }
        if (!card.path("body").isArray() || card.path("body").isEmpty()) {
            v.add("card body empty");
        }
        card.path("actions").forEach(act -> {
            if (act.path("type").asText().equals("Action.OpenUrl") && !act.hasNonNull("url")) {
                v.add("OpenUrl without url");
            }
        });
        return v;
    }

    /** PagerDuty Events API v2. */
    public static List<String> pagerDuty(JsonNode e) {
        List<String> v = new ArrayList<>();
        if (!e.hasNonNull("routing_key")) {
            v.add("routing_key missing");
        }
        String action = e.path("event_action").asText();
        if (!Set.of("trigger", "acknowledge", "resolve").contains(action)) {
            v.add("event_action invalid: " + action);
        }
        if (e.has("dedup_key") && e.get("dedup_key").asText().length() > 255) {
            v.add("dedup_key over 255");
        }
        if (action.equals("trigger")) {
            JsonNode p = e.path("payload");
            if (!p.hasNonNull("summary") || p.get("summary").asText().isEmpty()) {
                v.add("payload.summary missing");
            } else if (p.get("summary").asText().length() > 1024) {
                v.add("payload.summary over 1024");
            }
            if (!p.hasNonNull("source")) {
                v.add("payload.source missing");
            }
            if (!Set.of("critical", "error", "warning", "info").contains(p.path("severity").asText())) {
                v.add("payload.severity invalid");
            }
        } else if (!e.hasNonNull("dedup_key")) {
            v.add(action + " without dedup_key");
        }
        return v;
    }
}
