package io.viplane.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The human half of a policy: the YAML rendered as the document seed 004 describes (title page with
 * version control, purpose, scope, definitions, policy statement, procedures, roles, compliance,
 * references, review and revision history, approval), each rule next to the comment the file writes
 * beside it, which is where the shipped policies quote the seed sentence a rule comes from. Generated
 * from the same file the pipeline runs, so the document and the rules cannot drift.
 */
public final class PolicyMarkdown {
    private final JsonNode p;
    private final Map<String, String> notes;
    private final String origin;
    private final StringBuilder out = new StringBuilder();

    private PolicyMarkdown(JsonNode tree, Map<String, String> notes, String origin) {
        this.p = tree;
        this.notes = notes;
        this.origin = origin;
    }

    /** The document of a policy (name or file), validated first. */
    public static String render(String nameOrFile) {
        return render(PolicyLoader.load(nameOrFile));
    }

    /** The document of a policy already loaded: its file is read once more, for the comments. */
    public static String render(PolicyLoader.LoadedPolicy loaded) {
        String text = PolicyLoader.text(loaded);
        return render(PolicyLoader.yamlTree(text, loaded.origin()), PolicyNotes.of(text), loaded.origin());
    }

    static String render(JsonNode tree, Map<String, String> notes, String origin) {
        return new PolicyMarkdown(tree, notes, origin).document();
    }

    private String document() {
        JsonNode d = p.path("document");
        line("# VIP Customer Support Policy: " + p.path("name").asText());
        line("");
        line("| | |");
        line("|---|---|");
        row("Policy", p.path("name").asText());
        row("Version", d.isMissingNode() ? "not recorded" : d.path("version").asText());
        row("Effective", text(d, "effective_at"));
        row("Approval authority", text(d, "approved_by"));
        row("Last review / cycle", text(d, "last_reviewed") + " / " + text(d, "review_every"));
        row("Source", text(p, "source"));
        row("Machine policy", "`" + origin + "` (this document is generated from it: `viplane policy doc`)");
        section("1. Purpose");
        line(p.path("description").asText());
        section("2. Scope");
        line("Every ticket of every account. A ticket takes the highest tier its account or its contact earns; "
                + "accounts that earn none are STANDARD and keep their own targets (fairness, section 4).");
        definitions();
        statement();
        procedures();
        roles();
        compliance();
        section("8. References");
        line("- " + text(p, "source"));
        line("- The topic contract (CONTRACT.md) and the distilled rules (POLICY.md) of the viplane repository.");
        history(d);
        section("10. Approval");
        line("Approved by: " + text(d, "approved_by") + " (a role; the signature is kept with the organisation's records).");
        return out.toString();
    }

    private void definitions() {
        section("3. Definitions: tiers");
        line("| tier | badge | label | account criteria (any) | contact criteria (any) |");
        line("|---|---|---|---|---|");
        for (JsonNode t : p.path("tiers")) {
            String id = t.path("tier").asText();
            line("| " + id + " | " + t.path("badge").asText("–") + " | " + t.path("label").asText("–") + " | "
                    + criteria(t.path("account"), "tiers." + id + ".account") + " | "
                    + criteria(t.path("contact"), "tiers." + id + ".contact") + " |");
        }
    }

    private String criteria(JsonNode c, String path) {
        if (c.isMissingNode() || c.isEmpty()) {
            return "–";
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String note = notes.get(path + "." + f.getKey());
            parts.add(words(f.getKey()) + " " + compact(f.getValue()) + (note == null ? "" : " (" + note + ")"));
        }
        return String.join("; ", parts).replace("|", "\\|");
    }

    private void statement() {
        section("4. Policy statement: service levels");
        line("| tier | first response | next reply | max wait | hours | queue | agent level | assigned within | escalates to |");
        line("|---|---|---|---|---|---|---|---|---|");
        JsonNode ent = p.path("entitlements");
        List<String> cited = new ArrayList<>();
        for (Iterator<String> it = ent.fieldNames(); it.hasNext(); ) {
            String tier = it.next();
            JsonNode e = ent.get(tier);
            JsonNode ladder = e.path("ladder");
            line("| " + tier + " | " + minutes(e, "first_response_minutes") + " | " + minutes(e, "next_reply_minutes") + " | "
                    + minutes(e, "max_wait_minutes") + " | " + text(e, "calendar") + " | " + text(e, "queue") + " | "
                    + text(e, "agent_level") + " | " + minutes(e, "assignment_minutes") + " | "
                    + (ladder.isMissingNode() ? "–" : ladder.path("target").asText() + " within "
                    + ladder.path("respond_within_minutes").asText() + " min") + " |");
            for (Iterator<String> f = e.fieldNames(); f.hasNext(); ) {
                String field = f.next();
                String note = notes.get("entitlements." + tier + "." + field);
                if (note != null) {
                    cited.add("- " + tier + " " + words(field) + ": " + note);
                }
            }
        }
        if (!cited.isEmpty()) {
            line("");
            line("Where each figure comes from:");
            line("");
            cited.forEach(this::line);
        }
        JsonNode overrides = p.path("sla_overrides");
        line("");
        line(overrides.isEmpty() ? "No dynamic SLA overrides: the targets above hold for the ticket's life."
                : "Dynamic SLA overrides: " + compact(overrides));
    }

    private void procedures() {
        section("5. Procedures: escalations");
        line("Each kind below raises an escalation event to the people named; the pipeline detects it, the "
                + "notifier delivers it (routes in `topology/notify/`).");
        line("");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.path("escalation").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> k = it.next();
            if (!k.getValue().isObject()) {
                continue;
            }
            List<String> facts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> f = k.getValue().fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> x = f.next();
                if (x.getValue().isValueNode() || (x.getValue().isArray() && x.getValue().size() <= 6)) {
                    String note = notes.get("escalation." + k.getKey() + "." + x.getKey());
                    facts.add(words(x.getKey()) + " " + compact(x.getValue()) + (note == null ? "" : " (" + note + ")"));
                }
            }
            line("- **" + words(k.getKey()) + "**: " + String.join("; ", facts));
        }
    }

    private void roles() {
        section("6. Roles and responsibilities");
        JsonNode ent = p.path("entitlements");
        for (Iterator<String> it = ent.fieldNames(); it.hasNext(); ) {
            String tier = it.next();
            JsonNode ladder = ent.get(tier).path("ladder");
            if (!ladder.isMissingNode()) {
                line("- " + tier + ": " + ladder.path("target").asText() + " answers its escalations within "
                        + ladder.path("respond_within_minutes").asText() + " min; the " + text(ent.get(tier), "queue")
                        + " pool works its tickets.");
            }
        }
        line("- Support operations owns this policy, its review (section 9) and its routes.");
    }

    private void compliance() {
        section("7. Compliance: how it is measured");
        JsonNode sla = p.path("sla");
        line("Every SLA clock runs in the pipeline from the help desk's own events (pauses while "
                + compact(sla.path("pause_statuses")) + "; a warning at " + compact(sla.path("warning_fractions"))
                + " of the target; a breach is published once and escalates up the tier's ladder):");
        line("");
        for (Iterator<Map.Entry<String, JsonNode>> it = sla.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            String note = notes.get("sla.metrics." + m.getKey());
            line("- **" + m.getKey() + "**: from " + text(m.getValue(), "start") + " until " + text(m.getValue(), "met_by")
                    + (note == null ? "" : " (" + note + ")"));
        }
    }

    private void history(JsonNode d) {
        section("9. Review and revision history");
        if (d.isMissingNode()) {
            line("No document section: version, review cycle and history are not recorded in the policy file.");
            return;
        }
        line("Reviewed every " + text(d, "review_every") + " by the approval authority; last review " + text(d, "last_reviewed") + ".");
        line("");
        line("| version | date | change |");
        line("|---|---|---|");
        for (JsonNode r : d.path("revisions")) {
            line("| " + r.path("version").asText() + " | " + r.path("date").asText() + " | "
                    + r.path("summary").asText().replace("|", "\\|") + " |");
        }
    }

    private String minutes(JsonNode e, String field) {
        return e.has(field) ? e.get(field).asText() + " min" : "–";
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : "–";
    }

    private static String compact(JsonNode v) {
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(compact(x)));
            return String.join(", ", items);
        }
        List<String> parts = new ArrayList<>();
        v.fields().forEachRemaining(f -> parts.add(words(f.getKey()) + " " + compact(f.getValue())));
        return String.join(", ", parts);
    }

    private static String words(String key) {
        return key.replace('_', ' ');
    }

    private void section(String title) {
        line("");
        line("## " + title);
        line("");
    }

    private void row(String k, String v) {
        line("| " + k + " | " + v.replace("|", "\\|") + " |");
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
