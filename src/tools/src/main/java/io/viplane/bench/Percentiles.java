package io.viplane.bench;

import java.util.Arrays;

/** Nearest-rank percentiles: every reported figure is a latency that was actually observed. */
public final class Percentiles {
    private Percentiles() {
    }

    /** Count, p50, p99 and max of a set of samples (in whatever unit they were taken). */
    public record Summary(int count, long p50, long p99, long max) {
        public static final Summary EMPTY = new Summary(0, 0, 0, 0);

        public boolean isEmpty() {
            return count == 0;
        }
    }

    /**
     * The smallest sample such that at least {@code p} percent of the samples are less than or equal to it.
     *
     * @param sorted samples in ascending order, not empty
     * @param p      percentile, in (0, 100]
     */
    public static long nearestRank(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        // The epsilon keeps 99% of 100 samples at rank 99, not 100, despite binary rounding of p/100.
        int rank = (int) Math.ceil(p / 100.0 * sorted.length - 1e-9);
        return sorted[Math.max(1, rank) - 1];
    }

    public static Summary summarize(long[] samples) {
        if (samples.length == 0) {
            return Summary.EMPTY;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Summary(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 99), sorted[sorted.length - 1]);
    }
}
