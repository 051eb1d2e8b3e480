package io.viplane.simulate;

import io.viplane.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/** The month's figures side by side, one column per run, as Markdown (readable in a terminal too). */
final class ComparisonTable {
    private ComparisonTable() {
    }

    static String format(List<Figures> runs) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(runs.get(0).days()).append(" days |");
        runs.forEach(f -> out.append(' ').append(f.ordering()).append(f.ordering().equals("viplane") ? " (" + f.policy() + ")" : "")
                .append(" |"));
        out.append("\n|---|").append("---:|".repeat(runs.size())).append('\n');
        for (Tier tier : Tier.values()) {
            String name = tier.name();
            int target = runs.get(0).tiers().get(tier).targetMinutes();
            row(out, runs, name + " tickets", f -> String.valueOf(f.tiers().get(tier).tickets()));
            row(out, runs, name + " first response avg / p90 (SLA " + target + " min)", f -> {
                Figures.TierFigures t = f.tiers().get(tier);
                return t.p90Minutes() < 0 ? "–" : String.format(Locale.ROOT, "%.1f / %d min", t.averageMinutes(), t.p90Minutes());
            });
            row(out, runs, name + " first responses within SLA", f -> {
                Figures.TierFigures t = f.tiers().get(tier);
                return Double.isNaN(t.attainment()) ? "–"
                        : String.format(Locale.ROOT, "%.1f%% (%d missed)", 100 * t.attainment(), t.missed());
            });
        }
        row(out, runs, "VIP first responses missed, by UTC hour of creation", ComparisonTable::missesByHour);
        row(out, runs, "VIP vs STANDARD first response (avg)", ComparisonTable::gap);
        row(out, runs, "longest STANDARD wait for a first reply (calendar)",
                f -> String.format(Locale.ROOT, "%.1f h", f.longestStandardWaitMinutes() / 60.0));
        row(out, runs, "tickets never answered", f -> String.valueOf(f.unanswered()));
        row(out, runs, "non-VIP tickets interrupted by a VIP ticket", f -> String.valueOf(f.interruptions()));
        row(out, runs, "agents' VIP share (min / median / max)", ComparisonTable::share);
        TreeSet<String> kinds = new TreeSet<>();
        runs.forEach(f -> kinds.addAll(f.escalations().keySet()));
        for (String kind : kinds) {
            row(out, runs, "escalations " + kind, f -> String.valueOf(f.escalations().getOrDefault(kind, 0)));
        }
        row(out, runs, "dead letters", f -> String.valueOf(f.deadLetters()));
        return out.toString();
    }

    /** Each agent's share of VIP tickets among the tickets they took, one column per run. */
    static String vipShares(List<Figures> runs) {
        TreeSet<String> agents = new TreeSet<>();
        runs.forEach(f -> agents.addAll(f.vipShareByAgent().keySet()));
        StringBuilder out = new StringBuilder("| agent: VIP share of the tickets taken |");
        runs.forEach(f -> out.append(' ').append(f.ordering()).append(" |"));
        out.append("\n|---|").append("---:|".repeat(runs.size())).append('\n');
        for (String agent : agents) {
            row(out, runs, agent, f -> {
                Double share = f.vipShareByAgent().get(agent);
                return share == null ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
            });
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<Figures> runs, String label, Function<Figures, String> cell) {
        out.append("| ").append(label).append(" |");
        runs.forEach(f -> out.append(' ').append(cell.apply(f)).append(" |"));
        out.append('\n');
    }

    /** VIP: the tickets of T1, T2 and T3 together (each tier's average weighted by its answered tickets). */
    private static String gap(Figures f) {
        double sum = 0;
        int n = 0;
        for (Tier t : List.of(Tier.T1, Tier.T2, Tier.T3)) {
            Figures.TierFigures tf = f.tiers().get(t);
            int answered = tf.answered();
            if (answered > 0) {
                sum += tf.averageMinutes() * answered;
                n += answered;
            }
        }
        double standard = f.tiers().get(Tier.STANDARD).averageMinutes();
        if (n == 0 || Double.isNaN(standard)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f vs %.1f min", sum / n, standard);
    }

    /** {@code 03h×2 04h×1}: the hours with misses and how many. */
    private static String missesByHour(Figures f) {
        StringBuilder out = new StringBuilder();
        int[] h = f.vipMissesByHour();
        for (int i = 0; i < h.length; i++) {
            if (h[i] > 0) {
                out.append(out.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%02dh×%d", i, h[i]));
            }
        }
        return out.isEmpty() ? "none" : out.toString();
    }

    private static String share(Figures f) {
        List<Double> s = new ArrayList<>(f.vipShareByAgent().values());
        if (s.isEmpty()) {
            return "–";
        }
        s.sort(Double::compare);
        return String.format(Locale.ROOT, "%.0f%% / %.0f%% / %.0f%%", 100 * s.get(0), 100 * s.get(s.size() / 2),
                100 * s.get(s.size() - 1));
    }
}
