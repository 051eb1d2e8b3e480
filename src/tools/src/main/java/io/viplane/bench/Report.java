package io.viplane.bench;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Markdown for the results: the same text goes to stdout and to results.md. */
final class Report {
    static final String NOT_WIRED = "no SLA breaches observed (SLA engine not wired?)";

    private Report() {
    }

    static String header(String date, int cores, String jvm, long maxHeapBytes) {
        return "# viplane benchmark\n\n"
                + String.format(Locale.ROOT, "%s · %d cores · %s · max heap %s · a real single-node Kafka broker "
                        + "on the same machine%n%n", date, cores, jvm, Figures.mib(maxHeapBytes))
                + "Absolute figures depend on the machine and its other load; read the ratios, which compare "
                + "measurements taken in the same run on the same data.\n";
    }

    static String routing(RoutingScenario.Result r) {
        PhaseResult v = r.viplane();
        PhaseResult i = r.identity();
        StringBuilder b = new StringBuilder("\n## Routing: viplane vs an identity topology\n\n");
        b.append(String.format(Locale.ROOT, "N = %,d ticket events (%d%% CREATED, %d%% CUSTOMER_MESSAGE, %d%% AGENT_REPLY, "
                        + "occurred_at = send time) after a %,d-event warm-up, on %d partitions; %,d accounts and %,d "
                        + "contacts from the sample organisation. Both topologies run in-process, one after the other, "
                        + "with the pipeline's settings (exactly-once v2, commit interval 200 ms).%n%n",
                r.settings().events(), Workload.Mix.DEFAULT.createdPct(), Workload.Mix.DEFAULT.customerMessagePct(),
                Workload.Mix.DEFAULT.agentReplyPct(), r.settings().warmup(), r.partitions(), r.accounts(), r.requesters()));
        b.append("| | identity | viplane | viplane / identity |\n|---|---:|---:|---:|\n");
        row(b, "throughput, events/s (N events at full speed)", i.eventsPerSecond(), v.eventsPerSecond());
        b.append(String.format(Locale.ROOT, "| CPU of the application's threads per 1,000 events, ms | %s | %s | %s |%n",
                cpuText(i), cpuText(v), Figures.ratioText(i.cpuNanosPerEvent() <= 0 || v.cpuNanosPerEvent() < 0 ? Double.NaN
                        : Figures.ratio(v.cpuNanosPerEvent(), i.cpuNanosPerEvent()))));
        b.append(String.format(Locale.ROOT, "| latency pass: events at %s/s (same for both) | %,d | %,d | |%n",
                Figures.number(v.latencyRate()), i.latencySent(), v.latencySent()));
        latencyRow(b, "latency p50, ms (published → output consumed)", i.latencyNanos().p50(), v.latencyNanos().p50(),
                i, v);
        latencyRow(b, "latency p99, ms", i.latencyNanos().p99(), v.latencyNanos().p99(), i, v);
        latencyRow(b, "latency max, ms", i.latencyNanos().max(), v.latencyNanos().max(), i, v);
        b.append(String.format(Locale.ROOT, "| events with a matched output | %,d | %,d | |%n",
                i.latencyMatched(), v.latencyMatched()));
        b.append(String.format(Locale.ROOT, "| peak heap (sampled every 50 ms) | %s | %s | %s |%n",
                Figures.mib(i.peak().heapBytes()), Figures.mib(v.peak().heapBytes()),
                Figures.ratioText(Figures.ratio(v.peak().heapBytes(), i.peak().heapBytes()))));
        b.append(String.format(Locale.ROOT, "| peak resident memory (heap + native, e.g. RocksDB) | %s | %s | %s |%n",
                Figures.mib(i.peak().rssBytes()), Figures.mib(v.peak().rssBytes()),
                Figures.ratioText(Figures.ratio(v.peak().rssBytes(), i.peak().rssBytes()))));
        b.append(String.format(Locale.ROOT, "| state folder after close | %s | %s | |%n",
                Figures.mib(i.stateBytes()), Figures.mib(v.stateBytes())));
        b.append(String.format(Locale.ROOT, "| state bytes per 1,000 open tickets | – | %s | |%n%n",
                Figures.number(Figures.bytesPer(v.stateBytes(), r.openTickets(), 1000))));
        b.append(String.format(Locale.ROOT, "%,d tickets were open at the end of the viplane phase (every ticket "
                + "created in it; none is closed). viplane emits a routed ticket only when a decision changes, so "
                + "not every event has an output; latencies are over the events that have one (matched by "
                + "`source_event_id`; by `event_id` for the identity topology).%n", r.openTickets()));
        if (v.rebalances() > 0 || i.rebalances() > 0) {
            b.append(String.format(Locale.ROOT, "%n**Unsteady:** the applications left RUNNING %d (viplane) and %d "
                    + "(identity) times: a fenced thread (a transaction outlived its timeout) has its exactly-once "
                    + "stores wiped and restored, so these figures are not steady-state figures.%n",
                    v.rebalances(), i.rebalances()));
        }
        if (!v.complete() || !i.complete()) {
            b.append("\n**Incomplete:** some awaited outputs did not arrive in time (see the log); "
                    + "throughput is then understated.\n");
        }
        return b.toString();
    }

    private static String cpuText(PhaseResult p) {
        return p.cpuNanosPerEvent() < 0 ? "n/a" : Figures.millis(p.cpuNanosPerEvent() * 1000);
    }

    private static void row(StringBuilder b, String label, double identity, double viplane) {
        b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label, Figures.number(identity),
                Figures.number(viplane), Figures.ratioText(Figures.ratio(viplane, identity))));
    }

    private static void latencyRow(StringBuilder b, String label, long identityNanos, long viplaneNanos,
                                   PhaseResult i, PhaseResult v) {
        String in = i.latencyNanos().isEmpty() ? "n/a" : Figures.millis(identityNanos);
        String vn = v.latencyNanos().isEmpty() ? "n/a" : Figures.millis(viplaneNanos);
        double ratio = i.latencyNanos().isEmpty() || v.latencyNanos().isEmpty() ? Double.NaN
                : Figures.ratio(viplaneNanos, identityNanos);
        b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label, in, vn, Figures.ratioText(ratio)));
    }

    static String sla(SlaScenario.Result r) {
        SlaScenario.Settings s = r.settings();
        StringBuilder b = new StringBuilder("\n## SLA: breach-detection lag\n\n");
        b.append(String.format(Locale.ROOT, "%,d open T1 tickets over %d accounts (T1 by the account or by an executive contact; 24/7, first "
                        + "response %d min). First "
                        + "%,d calibration tickets, whose deadlines lie beyond the run, time the loading rate; then %,d "
                        + "measured tickets, each created %d min before its deadline, with deadlines spread evenly over "
                        + "%d s starting %d s after they were published (at least the requested %d s; longer when loading "
                        + "needs it, so the lag measures detection, not a backlog). Lag = wall time the BREACHED event "
                        + "was consumed (read_committed) − its `due_at`.%n%n", s.openTickets(), r.t1Accounts(),
                r.targetMinutes(), r.calibrationTickets(), r.expected(), r.targetMinutes(), s.spreadSeconds(),
                r.leadSeconds(), s.leadSeconds()));
        b.append("| | |\n|---|---:|\n");
        b.append(String.format(Locale.ROOT, "| measured tickets published in | %.1f s |%n", r.publishMillis() / 1000.0));
        b.append(String.format(Locale.ROOT, "| every measured ticket routed after | %s |%n", r.routedAfterMillis() < 0
                ? "not all were" : String.format(Locale.ROOT, "%.1f s", r.routedAfterMillis() / 1000.0)));
        b.append(String.format(Locale.ROOT, "| routed as T1 | %,d |%n", r.routedAsT1()));
        b.append(String.format(Locale.ROOT, "| FIRST_RESPONSE breaches observed / expected | %,d / %,d |%n",
                r.breaches(), r.expected()));
        Percentiles.Summary lag = r.lagMillis();
        b.append(String.format(Locale.ROOT, "| breach-detection lag p50 / p99 / max | %s |%n", lag.isEmpty() ? "n/a"
                : String.format(Locale.ROOT, "%,d / %,d / %,d ms", lag.p50(), lag.p99(), lag.max())));
        b.append(String.format(Locale.ROOT, "| state folder after close | %s |%n", Figures.mib(r.stateBytes())));
        b.append(String.format(Locale.ROOT, "| state bytes per open ticket | %s |%n",
                Figures.number(Figures.bytesPer(r.stateBytes(), s.openTickets(), 1))));
        b.append(String.format(Locale.ROOT, "| peak heap / resident memory | %s / %s |%n",
                Figures.mib(r.peak().heapBytes()), Figures.mib(r.peak().rssBytes())));
        b.append(String.format(Locale.ROOT, "| SLA events of these tickets | %s |%n%n", counts(r.slaEvents())));
        if (r.rebalances() > 0) {
            b.append(String.format(Locale.ROOT, "**Unsteady:** the pipeline left RUNNING %d times (a stream thread "
                    + "was fenced: a transaction outlived its timeout). Exactly-once then wipes the thread's stores and "
                    + "restores them from the changelogs, so loading falls behind and the state folder size is not "
                    + "meaningful.%n%n", r.rebalances()));
        }
        if (r.breaches() == 0) {
            b.append("**").append(NOT_WIRED).append("**\n");
        } else if (r.routedAfterMillis() < 0 || r.routedAfterMillis() > r.leadSeconds() * 1000L) {
            b.append(String.format(Locale.ROOT, "**Loading the tickets took longer than the %d s lead before the first "
                    + "deadline**, so the lag of the earliest deadlines includes the loading backlog (the lead is capped "
                    + "at %d s: a ticket cannot be created in the future; or the machine was busier than during "
                    + "calibration).%n", r.leadSeconds(), SlaScenario.maxLead(r.targetMinutes())));
        }
        return b.toString();
    }

    static String notify(NotifyScenario.Result r) {
        StringBuilder b = new StringBuilder("\n## Notifications: escalation committed → provider received\n\n");
        b.append(String.format(Locale.ROOT, "%,d T1 executive escalations at %d/s for %d s, each committed in its own "
                + "transaction, delivered by `viplane notify` (in this JVM) to loopback stand-ins that answer at once. "
                + "Slack has no idempotency key, so each Slack channel has one post running at a time (README: Notifications): "
                + "its figure is the notifier's own pace, far above Slack's real limit of about one message per "
                + "second per channel.%n%n", r.published(), r.settings().rate(), r.settings().seconds()));
        b.append("| channel | received | p50 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        r.perChannel().forEach((channel, s) -> b.append(String.format(Locale.ROOT, "| %s | %,d | %,d ms | %,d ms | %,d ms |%n",
                channel, s.count(), s.p50(), s.p99(), s.max())));
        return b.toString();
    }

    private static String counts(Map<String, Integer> events) {
        if (events.isEmpty()) {
            return "none";
        }
        StringJoiner j = new StringJoiner(", ");
        events.forEach((k, v) -> j.add(String.format(Locale.ROOT, "%s %,d", k, v)));
        return j.toString();
    }
}
