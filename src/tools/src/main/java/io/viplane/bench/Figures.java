package io.viplane.bench;

import java.util.Locale;

/**
 * Arithmetic and formatting of the reported figures. Absolute numbers on a shared machine are noise;
 * the ratio of two measurements taken in the same run is the figure to read.
 */
public final class Figures {
    private static final double MIB = 1024.0 * 1024.0;

    private Figures() {
    }

    /** Events per second; NaN when nothing was timed. */
    public static double perSecond(long events, long nanos) {
        return nanos <= 0 ? Double.NaN : events * 1e9 / nanos;
    }

    /** {@code measured / baseline}; NaN when either is missing or the baseline is zero. */
    public static double ratio(double measured, double baseline) {
        if (Double.isNaN(measured) || Double.isNaN(baseline) || baseline == 0) {
            return Double.NaN;
        }
        return measured / baseline;
    }

    /** Bytes per {@code per} units (e.g. per 1,000 open tickets); NaN when there are no units. */
    public static double bytesPer(long bytes, long units, long per) {
        return units <= 0 ? Double.NaN : (double) bytes * per / units;
    }

    public static String ratioText(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2fx", r);
    }

    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    public static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }

    public static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
