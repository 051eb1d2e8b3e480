package io.viplane.signals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Precision/recall bookkeeping for the labeled evaluation sets (test support, not a test). */
final class EvalReport {

    /** One classified example. */
    record Outcome(String id, String lang, String split, String expected, String predicted, String detail) {
        boolean correct() {
            return expected.equals(predicted);
        }
    }

    /** Precision, recall and support of one label within one slice. */
    record Score(double precision, double recall, int support, int predicted) {
        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private final List<String> labels;
    private final List<Outcome> outcomes = new ArrayList<>();

    EvalReport(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    void add(Outcome o) {
        outcomes.add(o);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    List<Outcome> slice(String lang, String split) {
        return outcomes.stream()
                .filter(o -> lang == null || o.lang().equals(lang))
                .filter(o -> split == null || o.split().equals(split))
                .toList();
    }

    static Score score(List<Outcome> slice, String label) {
        int tp = 0;
        int predicted = 0;
        int support = 0;
        for (Outcome o : slice) {
            boolean isExpected = o.expected().equals(label);
            boolean isPredicted = o.predicted().equals(label);
            support += isExpected ? 1 : 0;
            predicted += isPredicted ? 1 : 0;
            tp += isExpected && isPredicted ? 1 : 0;
        }
        // an empty denominator means nothing to get wrong
        double precision = predicted == 0 ? 1.0 : (double) tp / predicted;
        double recall = support == 0 ? 1.0 : (double) tp / support;
        return new Score(precision, recall, support, predicted);
    }

    static double accuracy(List<Outcome> slice) {
        return slice.isEmpty() ? 1.0 : slice.stream().filter(Outcome::correct).count() / (double) slice.size();
    }

    /** Rows of slice name to its outcomes, in print order. */
    Map<String, List<Outcome>> slices(List<String> langs, List<String> splits) {
        Map<String, List<Outcome>> out = new LinkedHashMap<>();
        for (String lang : langs) {
            out.put(lang, slice(lang, null));
        }
        out.put("all", slice(null, null));
        for (String split : splits) {
            List<Outcome> s = slice(null, split);
            if (!s.isEmpty()) {
                out.put("all/" + split, s);
            }
        }
        return out;
    }

    String table(String title, Map<String, List<Outcome>> slices) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n").append(title).append("\n");
        sb.append(String.format(Locale.ROOT, "%-18s %-10s %9s %9s %7s %7s %8s%n",
                "slice", "label", "precision", "recall", "f1", "support", "accuracy"));
        for (Map.Entry<String, List<Outcome>> e : slices.entrySet()) {
            boolean first = true;
            for (String label : labels) {
                Score s = score(e.getValue(), label);
                sb.append(String.format(Locale.ROOT, "%-18s %-10s %9.3f %9.3f %7.3f %7d %8s%n",
                        first ? e.getKey() + " (" + e.getValue().size() + ")" : "", label,
                        s.precision(), s.recall(), s.f1(), s.support(),
                        first ? String.format(Locale.ROOT, "%.3f", accuracy(e.getValue())) : ""));
                first = false;
            }
        }
        return sb.toString();
    }

    String errors() {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : outcomes) {
            if (!o.correct()) {
                sb.append(String.format(Locale.ROOT, "  %-10s %-8s expected %-9s got %-9s %s%n",
                        o.id(), o.split(), o.expected(), o.predicted(), o.detail()));
            }
        }
        return sb.length() == 0 ? "  (none)\n" : sb.toString();
    }
}
