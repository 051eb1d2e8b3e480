package io.viplane.policy;

import java.util.ArrayList;
import java.util.List;

/** A numeric interval written as any of gt / gte / lt / lte, so each bound says if it is inclusive. */
public record Range(Double gt, Double gte, Double lt, Double lte) {

    public boolean contains(double v) {
        return (gt == null || v > gt) && (gte == null || v >= gte)
                && (lt == null || v < lt) && (lte == null || v <= lte);
    }

    public boolean isEmptyBound() {
        return gt == null && gte == null && lt == null && lte == null;
    }

    /** True when no number can satisfy every bound (e.g. gte 500000 and lte 100000). */
    public boolean matchesNothing() {
        double low = Math.max(gt == null ? Double.NEGATIVE_INFINITY : gt,
                gte == null ? Double.NEGATIVE_INFINITY : gte);
        double high = Math.min(lt == null ? Double.POSITIVE_INFINITY : lt,
                lte == null ? Double.POSITIVE_INFINITY : lte);
        boolean lowExclusive = gt != null && gt == low;
        boolean highExclusive = lt != null && lt == high;
        return low > high || (low == high && (lowExclusive || highExclusive));
    }

    /** For reasons: "> 500000", "100000..500000". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (gt != null) parts.add("> " + fmt(gt));
        if (gte != null) parts.add(">= " + fmt(gte));
        if (lt != null) parts.add("< " + fmt(lt));
        if (lte != null) parts.add("<= " + fmt(lte));
        return String.join(" and ", parts);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
