package io.viplane.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.viplane.codec.EdgeSerdes;
import io.viplane.codec.Format;
import io.viplane.topology.Names;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A readable summary of the output topics, for the demo and for a quick look at a running
 * pipeline: the latest routing of each ticket, tiers, queues, escalations and dead letters.
 * It prints ids, tiers and account names (company data), never ticket text or personal data.
 */
@Command(name = "report", description = "Summarise the output topics: tiers, queues, top of the queue, escalations, "
        + "SLA clocks and per-tier figures, at-risk accounts, dead letters.")
final class ReportCommand extends KafkaCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the report summarises, and what --wait-for watches settle. */
    private static final List<String> OUTPUTS = List.of(Names.ROUTED, Names.ESCALATIONS, Names.SLA_EVENTS,
            Names.SLA_METRICS, Names.AT_RISK, Names.DLQ);

    @Option(names = "--timeout-ms", paramLabel = "MS",
            description = "stop reading after MS milliseconds without a record (default 5000)")
    long idle = 5000;

    @Option(names = "--wait-for", paramLabel = "APPLICATION_ID",
            description = "first wait until that pipeline has committed everything published to its inputs and its "
                    + "outputs have not grown for --settle-ms (at most 5 min), so the summary is the outcome of the history")
    String waitFor;

    /** Longer than a replaying pipeline waits before it lets the end of the history through (EventOrder). */
    static final long DEFAULT_SETTLE_MS = io.viplane.topology.EventTimeOptions.REPLAY_SETTLE.toMillis() + 5000;

    @Option(names = "--settle-ms", paramLabel = "MS", description = "with --wait-for: how long the outputs must stay "
            + "unchanged (default: the replay settle of the pipeline, 10 s, plus 5 s)")
    long settleMs = DEFAULT_SETTLE_MS;

    @Mixin
    Options.Format formatOption;

    @Override
    protected int execute(AppConfig config) {
        if (waitFor != null && !caughtUp(config)) {
            return 1;
        }
        EdgeSerdes format = config.edgeSerdes();
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        Map<String, Integer> emissions = new TreeMap<>();
        Map<String, List<JsonNode>> other = new TreeMap<>();
        List<String> deadLetters = new ArrayList<>();
        List<String> topics = OUTPUTS;
        TailCommand.consume(config, topics, true, idle, Long.MAX_VALUE, r -> {
            if (r.topic().equals(Names.DLQ)) {
                deadLetters.add(describeDeadLetter(r));
                return;
            }
            JsonNode v = parse(TailCommand.render(r.topic(), r.value(), format));
            if (v == null) {
                return;
            }
            if (r.topic().equals(Names.ROUTED)) {
                latest.put(r.key(), v);
                emissions.merge(r.key(), 1, Integer::sum);
            } else {
                other.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(v);
            }
        });
        print(out(), latest, emissions, other, deadLetters);
        return 0;
    }

    private boolean caughtUp(AppConfig config) {
        try {
            String behind = CatchUp.await(config.kafka(), waitFor,
                    // support.agents feeds a global store: read outside the group, so it has no committed offsets.
                    List.of(Names.TICKETS, Names.ACCOUNTS, Names.CONTACTS, Names.SENTIMENT),
                    OUTPUTS,
                    Duration.ofMillis(settleMs), Duration.ofMinutes(5));
            if (behind != null) {
                err().println("viplane report: " + waitFor + " has not caught up after 5 min (" + behind
                        + "); reporting what is there");
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void print(PrintWriter out, Map<String, JsonNode> latest, Map<String, Integer> emissions,
                      Map<String, List<JsonNode>> other, List<String> deadLetters) {
        out.println();
        out.println("ROUTED TICKETS (" + Names.ROUTED + "): " + latest.size() + " tickets, "
                + emissions.values().stream().mapToInt(Integer::intValue).sum() + " routing decisions");
        Map<String, Integer> perTier = new TreeMap<>();
        Map<String, Integer> perQueue = new TreeMap<>();
        int unknown = 0;
        for (JsonNode r : latest.values()) {
            perTier.merge(r.path("tier").asText(), 1, Integer::sum);
            perQueue.merge(r.path("queue").asText(), 1, Integer::sum);
            if (r.path("reasons").toString().contains("UNKNOWN_ACCOUNT")) {
                unknown++;
            }
        }
        out.println("  per tier:  " + perTier);
        out.println("  per queue: " + perQueue);
        out.println("  still UNKNOWN_ACCOUNT: " + unknown + "; routed more than once (tier, priority or a target changed): "
                + emissions.values().stream().filter(n -> n > 1).count());
        out.println();
        out.println("  TOP OF THE QUEUE (highest priority_score first)");
        out.printf("  %-12s %-4s %-9s %-3s %6s  %-13s %-8s %-21s %-28s %s%n", "ticket", "tier", "badge", "pri", "score",
                "queue", "agent", "first_response_due", "account", "ARR");
        latest.values().stream()
                .sorted(Comparator.comparingDouble((JsonNode r) -> -r.path("priority_score").asDouble()))
                .limit(15)
                .forEach(r -> out.printf("  %-12s %-4s %-9s %-3s %6.0f  %-13s %-8s %-21s %-28s %s%n",
                        r.path("ticket_id").asText(), r.path("tier").asText(), text(r.path("badge")),
                        r.path("priority").asText(), r.path("priority_score").asDouble(), r.path("queue").asText(),
                        text(r.path("suggested_agent_id")), text(r.path("first_response_due")), trim(text(r.path("account_context").path("name")), 28),
                        money(r.path("account_context").path("arr"))));
        escalations(out, other.getOrDefault(Names.ESCALATIONS, List.of()));
        slaEvents(out, other.getOrDefault(Names.SLA_EVENTS, List.of()));
        slaMetrics(out, other.getOrDefault(Names.SLA_METRICS, List.of()));
        atRisk(out, other.getOrDefault(Names.AT_RISK, List.of()));
        out.println();
        out.println("DEAD LETTERS (" + Names.DLQ + "): " + deadLetters.size());
        deadLetters.forEach(d -> out.println("  - " + d));
    }

    private static void escalations(PrintWriter out, List<JsonNode> all) {
        out.println();
        out.println("ESCALATIONS (" + Names.ESCALATIONS + "): " + all.size());
        Map<String, List<JsonNode>> byKind = new TreeMap<>();
        all.forEach(v -> byKind.computeIfAbsent(v.path("kind").asText(), k -> new ArrayList<>()).add(v));
        byKind.forEach((kind, list) -> {
            out.printf("  %-28s %4d%n", kind, list.size());
            list.stream().limit(2).forEach(v -> out.println("      [" + v.path("target").asText() + " within "
                    + v.path("respond_within_minutes").asText() + " min] " + v.path("summary").asText()));
        });
    }

    private static void slaEvents(PrintWriter out, List<JsonNode> all) {
        out.println();
        out.println("SLA CLOCKS (" + Names.SLA_EVENTS + "): " + all.size() + " events");
        Map<String, Map<String, Integer>> byMetric = new TreeMap<>();
        all.forEach(v -> byMetric.computeIfAbsent(v.path("metric").asText(), k -> new TreeMap<>())
                .merge(v.path("state").asText(), 1, Integer::sum));
        byMetric.forEach((metric, states) -> out.printf("  %-20s %s%n", metric, states));
        List<String> falseBreaches = BreachAudit.falseBreaches(all);
        out.println("  breached, then met within the target (false breaches): " + falseBreaches.size()
                + (falseBreaches.isEmpty() ? "" : " " + falseBreaches.stream().limit(10).toList()));
    }

    private static void slaMetrics(PrintWriter out, List<JsonNode> all) {
        Map<String, JsonNode> latestDay = new TreeMap<>();
        all.stream().filter(v -> v.path("window").asText().equals("DAY"))
                .forEach(v -> latestDay.put(v.path("window_start").asText() + " " + v.path("tier").asText(), v));
        if (latestDay.isEmpty()) {
            return;
        }
        out.println();
        out.println("SLA PER TIER AND DAY (" + Names.SLA_METRICS + ")");
        out.printf("  %-10s %-8s %7s %10s %10s %11s %8s %11s %12s%n", "day", "tier", "tickets", "FR avg min",
                "FR p90 min", "attainment", "breaches", "escalations", "gap vs STD");
        latestDay.values().forEach(v -> out.printf("  %-10s %-8s %7d %10s %10s %11s %8d %11d %12s%n",
                v.path("window_start").asText().substring(0, 10), v.path("tier").asText(), v.path("tickets").asLong(),
                num(v.path("first_response_avg_minutes")), num(v.path("first_response_p90_minutes")),
                v.path("attainment_pct").isNumber() ? num(v.path("attainment_pct")) + "%" : "-",
                v.path("breaches").asLong(), v.path("escalations").asLong(), num(v.path("vip_standard_gap_minutes"))));
        escalationRate(out, latestDay.values());
    }

    /** Seed 000's dashboard: "Escalation rate: Tier 1 8.5 %, Tier 2 10.2 %, Tier 3 11.8 % (team avg 11.2 %)". */
    private static final Map<String, String> SEED_000_RATE = Map.of("T1", "8.5", "T2", "10.2", "T3", "11.8", "STANDARD", "11.2");

    /**
     * Escalations per 100 tickets per tier and day (issue 18): up the ladder (executive escalation, negative
     * sentiment, SLA breach, unassigned: seed 000's "escalation rate"), all kinds, and the busiest kinds.
     */
    private static void escalationRate(PrintWriter out, java.util.Collection<JsonNode> days) {
        out.println();
        out.println("ESCALATION RATE PER TIER AND DAY (per 100 tickets; ladder = executive escalation, negative sentiment,"
                + " SLA breach, unassigned)");
        out.printf("  %-10s %-8s %7s %8s %9s %8s  %s%n", "day", "tier", "tickets", "ladder", "seed 000", "all",
                "by kind (per 100 tickets)");
        days.forEach(v -> {
            List<String> kinds = new ArrayList<>();
            v.path("escalations_by_kind").forEach(k -> kinds.add(k.path("kind").asText() + " " + num(k.path("per_100_tickets"))));
            out.printf("  %-10s %-8s %7d %8s %9s %8s  %s%n", v.path("window_start").asText().substring(0, 10),
                    v.path("tier").asText(), v.path("tickets").asLong(), num(v.path("ladder_escalations_per_100_tickets")),
                    SEED_000_RATE.getOrDefault(v.path("tier").asText(), "-"), num(v.path("escalations_per_100_tickets")),
                    String.join(", ", kinds));
        });
    }

    private static void atRisk(PrintWriter out, List<JsonNode> all) {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        all.forEach(v -> latest.put(v.path("account_id").asText(), v));
        out.println();
        // the first record of an account is its baseline (signals start with BASELINE), not a change
        long baselines = all.stream().filter(v -> v.path("signals").path(0).asText().startsWith("BASELINE")).count();
        Map<String, Integer> levels = new TreeMap<>();
        latest.values().forEach(v -> levels.merge(v.path("risk_level").asText(), 1, Integer::sum));
        out.println("AT-RISK ACCOUNTS (" + Names.AT_RISK + "): " + baselines + " baseline levels, "
                + (all.size() - baselines) + " level changes; " + latest.size() + " accounts now " + levels
                + "; highest now:");
        latest.values().stream().filter(v -> !v.path("risk_level").asText().equals("LOW"))
                .sorted(Comparator.comparingInt((JsonNode v) -> -v.path("risk_score").asInt()))
                .limit(8)
                .forEach(v -> {
                    out.printf("  %-10s %-8s %3d  ARR %-12s renewal in %s days  -> %s%n",
                            v.path("account_id").asText(), v.path("risk_level").asText(), v.path("risk_score").asInt(),
                            money(v.path("arr")), text(v.path("days_to_renewal")), v.path("recommended_action").asText());
                    v.path("signals").forEach(sig -> out.println("        " + sig.asText()));
                });
    }

    private static String num(JsonNode n) {
        return n == null || !n.isNumber() ? "-" : String.format("%.1f", n.asDouble());
    }

    private static String describeDeadLetter(ConsumerRecord<String, byte[]> r) {
        var topic = r.headers().lastHeader("__streams.errors.topic");
        var msg = r.headers().lastHeader("__streams.errors.message");
        return (topic == null ? "?" : new String(topic.value(), StandardCharsets.UTF_8)) + " key " + r.key() + ": "
                + (msg == null ? "?" : new String(msg.value(), StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "-" : n.asText();
    }

    private static String trim(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String money(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "-" : String.format("$%,.0f", n.asDouble());
    }
}
