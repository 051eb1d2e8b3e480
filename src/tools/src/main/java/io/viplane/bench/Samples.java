package io.viplane.bench;

import java.util.Arrays;

/** A growable array of long samples, filled by one thread (the output consumer) and read after. */
final class Samples {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    synchronized int size() {
        return size;
    }

    synchronized Percentiles.Summary summary() {
        return Percentiles.summarize(Arrays.copyOf(values, size));
    }
}
