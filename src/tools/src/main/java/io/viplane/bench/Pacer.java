package io.viplane.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces sends at a fixed rate measured from the first send, so a late send is followed by quicker
 * ones instead of shifting the whole schedule. A rate of zero or less means "as fast as possible".
 */
final class Pacer {
    private final double nanosPerEvent;
    private long start = Long.MIN_VALUE;

    Pacer(double eventsPerSecond) {
        this.nanosPerEvent = eventsPerSecond > 0 ? 1e9 / eventsPerSecond : 0;
    }

    /** Blocks until event number {@code i} (from 0) is due. */
    void awaitTurn(long i) {
        long now = System.nanoTime();
        if (start == Long.MIN_VALUE) {
            start = now;
        }
        if (nanosPerEvent == 0) {
            return;
        }
        long due = start + (long) (i * nanosPerEvent);
        while (now < due) {
            LockSupport.parkNanos(due - now);
            now = System.nanoTime();
        }
    }
}
