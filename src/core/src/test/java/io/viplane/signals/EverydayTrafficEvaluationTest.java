package io.viplane.signals;

import static io.viplane.testing.Json.account;
import static io.viplane.testing.Json.created;
import static io.viplane.testing.Json.ticket;
import static io.viplane.testing.PipelineDriver.at;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.viplane.policy.PolicyLoader;
import io.viplane.testing.PipelineDriver;
import io.viplane.topology.Names;
import io.viplane.topology.TopologyOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * False alarms on everyday support traffic (issue 18): bug reports, "any update?", "still failing",
 * polite frustration, billing and how-to questions, in English and Chinese, none of which should page
 * anybody. Every message goes through the whole pipeline under each shipped policy, on a fresh ticket of
 * a fresh account of each tier (T1 600K, T2 200K, T3 70K, STANDARD 2K ARR; help-desk priority NORMAL, so
 * the priority-driven CSM alert is out of the picture), and every escalation it causes is counted:
 *
 * <ul>
 *   <li><b>single messages</b>: {@code CREATED} messages open the ticket themselves; follow-ups are a
 *       {@code CUSTOMER_MESSAGE} on a ticket opened with a neutral line and answered by an agent.</li>
 *   <li><b>threads</b>: a bug report, an agent reply, a follow-up, a reply, a "still failing", a reply,
 *       all within the first hour (so no SLA or 2-hour clock runs out): the load test of the issue.
 *       Three messages of one account is where a sentiment trend could start.</li>
 * </ul>
 *
 * <p>The false-alarm rate of a kind is the share of messages (threads) that raised at least one
 * escalation of that kind. It must stay at or below {@link #MAX_FALSE_ALARM_RATE} per kind, per policy
 * and per tier. Before issue 18 the old lexicon scored 9.9 % of the tune split negative (for a VIP each
 * one a NEGATIVE_SENTIMENT) and found churn language in 4.9 % (a CHURN_SIGNAL each). The table is
 * printed on every run.
 *
 * <p>The corpus ({@value #CORPUS}) has a {@code tune} split (515 lines, written before the rules were
 * changed, then used to change them) and a {@code heldout} split (40 lines, 25 EN and 15 ZH) written after
 * the rules were final and measured once; do not tune on it, write a new batch instead. Both count in the
 * rates; the held-out alarms are printed on their own.
 */
class EverydayTrafficEvaluationTest {
    static final String CORPUS = "/signals/everyday-eval.jsonl";
    static final double MAX_FALSE_ALARM_RATE = 0.02;
    static final int MIN_MESSAGES = 500;
    static final Map<String, Double> TIERS = new LinkedHashMap<>();
    /**
     * The other two policies run T1 and STANDARD only (their T2/T3 rules are the same kinds with other
     * recipients), which keeps the test near a minute per policy.
     */
    static final Set<String> FAST_TIERS = Set.of("T1", "STANDARD");

    static {
        TIERS.put("T1", 600_000.0);
        TIERS.put("T2", 200_000.0);
        TIERS.put("T3", 70_000.0);
        TIERS.put("STANDARD", 2_000.0);
    }

    record Message(String id, String lang, String label, String category, String event, String split, String text) {
    }

    /** Per tier: kind -> ids of the messages (threads) that raised it; and how many were sent. */
    record Tally(Map<String, Map<String, Set<String>>> byTier, Map<String, Integer> sent) {
        Tally() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        void sent(String tier) {
            sent.merge(tier, 1, Integer::sum);
        }

        void alarm(String tier, String kind, String id) {
            byTier.computeIfAbsent(tier, t -> new TreeMap<>()).computeIfAbsent(kind, k -> new TreeSet<>()).add(id);
        }

        double rate(String tier, String kind) {
            int n = sent.getOrDefault(tier, 0);
            return n == 0 ? 0 : byTier.getOrDefault(tier, Map.of()).getOrDefault(kind, Set.of()).size() / (double) n;
        }

        Set<String> kinds() {
            Set<String> kinds = new TreeSet<>();
            byTier.values().forEach(m -> kinds.addAll(m.keySet()));
            return kinds;
        }
    }

    static List<Message> load() {
        ObjectMapper json = new ObjectMapper();
        List<Message> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                EverydayTrafficEvaluationTest.class.getResourceAsStream(CORPUS), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    out.add(new Message(n.get("id").asText(), n.get("lang").asText(), n.get("label").asText(),
                            n.get("category").asText(), n.get("event").asText(), n.path("split").asText("tune"),
                            n.get("text").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void corpusIsBigVariedAndWellFormed() {
        List<Message> all = load();
        assertTrue(all.size() >= MIN_MESSAGES, "messages: " + all.size());
        assertEquals(all.size(), all.stream().map(Message::id).distinct().count(), "unique ids");
        assertEquals(all.size(), all.stream().map(m -> m.text().toLowerCase(Locale.ROOT)).distinct().count(),
                "no duplicate texts");
        assertTrue(all.stream().allMatch(m -> m.label().equals("NONE")), "every line is labelled NONE (not escalation-worthy)");
        assertTrue(all.stream().allMatch(m -> m.event().equals("CREATED") || m.event().equals("CUSTOMER_MESSAGE")));
        for (String lang : List.of("en", "zh")) {
            for (String category : List.of("bug_report", "follow_up", "still_failing", "polite_frustration", "billing",
                    "how_to")) {
                long n = all.stream().filter(m -> m.lang().equals(lang) && m.category().equals(category)).count();
                assertTrue(n >= 15, lang + "/" + category + ": " + n);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"white-glove", "dynamic-sla", "escalation-matrix"})
    void everydayMessagesRaiseAlmostNoAlarm(String policyName) {
        List<Message> all = load();
        Tally single = new Tally();
        Tally threads = new Tally();
        try (PipelineDriver p = new PipelineDriver(PolicyLoader.load(policyName).policy(), TopologyOptions.defaults())) {
            for (Map.Entry<String, Double> tier : TIERS.entrySet()) {
                if (!policyName.equals("white-glove") && !FAST_TIERS.contains(tier.getKey())) {
                    continue;
                }
                for (Message m : all) {
                    sendSingle(p, tier.getKey(), tier.getValue(), m);
                    single.sent(tier.getKey());
                    collect(p, tier.getKey(), m.id(), single);
                }
                List<Message> bugs = all.stream().filter(m -> m.category().equals("bug_report")).toList();
                List<Message> follows = all.stream().filter(m -> m.category().equals("follow_up")).toList();
                List<Message> stills = all.stream().filter(m -> m.category().equals("still_failing")).toList();
                for (int i = 0; i < bugs.size(); i++) {
                    Message bug = bugs.get(i);
                    List<Message> sameLang = List.of(bug, pick(follows, bug.lang(), i), pick(stills, bug.lang(), i));
                    String id = "thread-" + bug.id();
                    sendThread(p, tier.getKey(), tier.getValue(), id, sameLang);
                    threads.sent(tier.getKey());
                    collect(p, tier.getKey(), id, threads);
                }
            }
        }
        System.out.println(table("Everyday traffic, policy " + policyName + ": single messages", single));
        System.out.println(table("Everyday traffic, policy " + policyName + ": threads (bug report, follow-up, still failing)", threads));
        long heldout = all.stream().filter(m -> m.split().equals("heldout")).count();
        Set<String> heldoutAlarms = new TreeSet<>();
        single.byTier().forEach((tier, kinds) -> kinds.forEach((kind, ids) -> ids.stream()
                .filter(id -> id.contains("-heldout-")).forEach(id -> heldoutAlarms.add(tier + " " + kind + " " + id))));
        System.out.println("Held-out split (" + heldout + " messages, never tuned for): alarms " + heldoutAlarms);
        List<Executable> checks = new ArrayList<>();
        for (Tally t : List.of(single, threads)) {
            for (String tier : t.sent().keySet()) {
                for (String kind : t.kinds()) {
                    double rate = t.rate(tier, kind);
                    Supplier<String> what = () -> policyName + " " + (t == single ? "single" : "threads") + " " + tier
                            + " " + kind + " false-alarm rate " + pct(rate) + " > " + pct(MAX_FALSE_ALARM_RATE) + ": "
                            + t.byTier().get(tier).get(kind).stream().limit(10).toList();
                    checks.add(() -> assertTrue(rate <= MAX_FALSE_ALARM_RATE, what));
                }
            }
        }
        assertAll(checks);
    }

    private static Message pick(List<Message> from, String lang, int i) {
        List<Message> same = from.stream().filter(m -> m.lang().equals(lang)).toList();
        return same.get(i % same.size());
    }

    private static String ticketId(String tier, String id) {
        return "t-" + tier + "-" + id;
    }

    private static void sendSingle(PipelineDriver p, String tier, double arr, Message m) {
        String acc = "acc-" + tier + "-" + m.id();
        String t = ticketId(tier, m.id());
        p.account(account(acc, arr));
        if (m.event().equals("CREATED")) {
            p.ticket(created(m.id() + "-c", t, acc, at(0), "NORMAL").put("subject", "Support request").put("body", m.text()));
        } else {
            p.ticket(created(m.id() + "-c", t, acc, at(0), "NORMAL").put("subject", "Support request")
                    .put("body", "Hello, we have a question about our setup."));
            assign(p, m.id(), t, acc);
            p.ticket(ticket(m.id() + "-r", t, acc, "AGENT_REPLY", at(5)).put("body", "Thanks, looking into it."));
            p.ticket(ticket(m.id() + "-m", t, acc, "CUSTOMER_MESSAGE", at(20)).put("body", m.text()));
        }
    }

    private static void sendThread(PipelineDriver p, String tier, double arr, String id, List<Message> messages) {
        String acc = "acc-" + tier + "-" + id;
        String t = ticketId(tier, id);
        p.account(account(acc, arr));
        p.ticket(created(id + "-0", t, acc, at(0), "NORMAL").put("subject", "Support request").put("body", messages.get(0).text()));
        assign(p, id, t, acc);
        p.ticket(ticket(id + "-1", t, acc, "AGENT_REPLY", at(5)).put("body", "Thanks, we are looking into it."));
        p.ticket(ticket(id + "-2", t, acc, "CUSTOMER_MESSAGE", at(30)).put("body", messages.get(1).text()));
        p.ticket(ticket(id + "-3", t, acc, "AGENT_REPLY", at(35)).put("body", "Engineering is on it."));
        p.ticket(ticket(id + "-4", t, acc, "CUSTOMER_MESSAGE", at(60)).put("body", messages.get(2).text()));
        p.ticket(ticket(id + "-5", t, acc, "AGENT_REPLY", at(65)).put("body", "Thanks, we will update you."));
    }

    /** A help desk assigns within a minute: the assignment clock is met, as on a normal day. */
    private static void assign(PipelineDriver p, String id, String t, String acc) {
        p.ticket(ticket(id + "-a", t, acc, "ASSIGNED", at(1)).put("assignee_id", "agent-1"));
    }

    private static void collect(PipelineDriver p, String tier, String id, Tally tally) {
        Set<String> kinds = new HashSet<>();
        for (JsonNode e : p.read(Names.ESCALATIONS)) {
            kinds.add(e.get("kind").asText());
        }
        kinds.forEach(k -> tally.alarm(tier, k, id));
    }

    private static String table(String title, Tally t) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        sb.append(String.format(Locale.ROOT, "%-28s", "kind"));
        t.sent().keySet().forEach(tier -> sb.append(String.format(Locale.ROOT, "%18s", tier + " (n=" + t.sent().get(tier) + ")")));
        sb.append('\n');
        if (t.kinds().isEmpty()) {
            sb.append("(no escalation at all)\n");
        }
        for (String kind : t.kinds()) {
            sb.append(String.format(Locale.ROOT, "%-28s", kind));
            for (String tier : t.sent().keySet()) {
                sb.append(String.format(Locale.ROOT, "%18s", pct(t.rate(tier, kind))));
            }
            sb.append('\n');
            for (String tier : t.sent().keySet()) {
                Set<String> ids = t.byTier().getOrDefault(tier, Map.of()).getOrDefault(kind, Set.of());
                if (!ids.isEmpty()) {
                    sb.append("    ").append(tier).append(": ").append(ids).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String pct(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * rate);
    }
}
