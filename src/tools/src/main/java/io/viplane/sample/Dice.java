package io.viplane.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The one source of randomness of a sample. Everything draws from it in a fixed order, so the
 * same seed gives byte-identical output; never use Math.random or an unordered collection here.
 */
final class Dice {
    private final Random random;

    Dice(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Inclusive on both ends. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    double uniform(double lo, double hi) {
        return lo + random.nextDouble() * (hi - lo);
    }

    double gaussian(double mean, double sd) {
        return mean + random.nextGaussian() * sd;
    }

    int gaussianInt(double mean, double sd, int lo, int hi) {
        return (int) Math.max(lo, Math.min(hi, Math.round(gaussian(mean, sd))));
    }

    /**
     * Pareto truncated to [lo, hi): contract values are long-tailed (many small customers, a few
     * very large ones), and truncating per band lets each tier keep that shape inside its limits.
     */
    double pareto(double lo, double hi, double alpha) {
        double u = random.nextDouble();
        double ratio = Math.pow(lo / hi, alpha);
        return lo / Math.pow(1 - u * (1 - ratio), 1 / alpha);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[random.nextInt(items.length)];
    }

    /** Picks by weight; weights need not sum to 1. */
    <T> T weighted(List<T> items, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < items.size(); i++) {
            x -= weights[i];
            if (x < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
