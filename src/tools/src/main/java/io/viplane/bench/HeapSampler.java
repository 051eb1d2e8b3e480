package io.viplane.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples heap in use (and the process's resident set, which includes RocksDB's native memory)
 * every 50 ms during one phase and keeps the peaks. Sampling, not the pools' peak counters, because
 * the per-pool peaks happen at different moments and their sum overstates the real peak.
 */
final class HeapSampler implements AutoCloseable {
    private static final Path STATUS = Path.of("/proc/self/status");

    record Peak(long heapBytes, long rssBytes) {
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakHeap;
    private volatile long peakRss = -1;

    HeapSampler() {
        thread = new Thread(this::loop, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        long rss = rssBytes();
        if (rss > peakRss) {
            peakRss = rss;
        }
    }

    Peak stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        return new Peak(peakHeap, peakRss);
    }

    @Override
    public void close() {
        stop();
    }

    /** VmRSS from /proc (Linux); -1 elsewhere. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
