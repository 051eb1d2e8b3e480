package io.viplane.notify;

import io.viplane.notify.ledger.LedgerEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Deliveries running in the background, so that no step of the notifier waits for a provider: a page is
 * sent the moment its escalation is read, whatever Slack is doing. Only the main loop calls this class;
 * the sends themselves run on the channels' workers.
 *
 * <p>What it keeps, and why: deliveries with the same order key (a channel and a ticket) run one after
 * another, so a resolve never overtakes its trigger; an input batch's offsets are handed out for commit
 * only once every delivery started from that batch <em>and every earlier batch</em> has finished and had
 * its outcome gathered, so committed offsets never run ahead of the ledger (a crash before that re-reads
 * the records, and only idempotent channels are sent without a ledger entry first).
 */
final class Flights {
    private static final CompletableFuture<List<LedgerEntry>> DONE = CompletableFuture.completedFuture(List.of());

    private static final class Flight {
        final String channel;
        final String orderKey;
        final List<LedgerEntry> entries;
        final CompletableFuture<List<LedgerEntry>> result;
        boolean gathered;

        Flight(String channel, String orderKey, List<LedgerEntry> entries, CompletableFuture<List<LedgerEntry>> result) {
            this.channel = channel;
            this.orderKey = orderKey;
            this.entries = entries;
            this.result = result;
        }
    }

    /** The input offsets of one poll, committable once its flights are gathered. */
    private record Pending(Map<TopicPartition, OffsetAndMetadata> offsets, List<Flight> flights) {
    }

    private final List<Flight> running = new ArrayList<>();
    private final Map<String, CompletableFuture<List<LedgerEntry>>> chains = new HashMap<>();
    /** Entries being sent, by ledger key: decided already, though the ledger does not say so yet. */
    private final Map<String, LedgerEntry> inFlight = new java.util.LinkedHashMap<>(); // in decision order: see openAlerts
    private final Deque<Pending> pending = new ArrayDeque<>();
    private List<Flight> started = new ArrayList<>();

    /**
     * Starts a delivery after the previous one with the same order key; {@code onDone} runs on the worker
     * when it ends. {@code holdsOffsets}: the current poll's offsets wait for it (a delivery with no ledger
     * entry yet); one whose SENDING entry is committed does not need to hold them.
     */
    void launch(String channel, String orderKey, List<LedgerEntry> entries, Supplier<List<LedgerEntry>> send,
                Executor worker, boolean holdsOffsets, Runnable onDone) {
        String chain = channel + "|" + orderKey;
        CompletableFuture<List<LedgerEntry>> f = chains.getOrDefault(chain, DONE)
                .handleAsync((previous, error) -> send.get(), worker);
        f.whenComplete((r, e) -> onDone.run());
        chains.put(chain, f);
        Flight flight = new Flight(channel, orderKey, entries, f);
        running.add(flight);
        if (holdsOffsets) {
            started.add(flight);
        }
        entries.forEach(e -> inFlight.put(e.key(), e));
    }

    /** Closes the current poll: its offsets wait for the deliveries started since the last call that hold them. */
    void endPoll(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets != null && !offsets.isEmpty()) {
            pending.add(new Pending(offsets, started));
        }
        started = new ArrayList<>();
    }

    /** The outcomes of every delivery that has finished since the last call. */
    List<LedgerEntry> gather() {
        List<LedgerEntry> out = new ArrayList<>();
        for (Iterator<Flight> it = running.iterator(); it.hasNext(); ) {
            Flight f = it.next();
            if (!f.result.isDone()) {
                continue;
            }
            try {
                out.addAll(f.result.join());
            } catch (CompletionException e) {
                throw new IllegalStateException("delivery worker failed", e.getCause());
            }
            f.gathered = true;
            it.remove();
            chains.remove(f.channel + "|" + f.orderKey, f.result);
        }
        return out;
    }

    /** Offsets of the oldest polls whose deliveries are all gathered (merged; later polls win), or null. */
    Map<TopicPartition, OffsetAndMetadata> committableOffsets() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        while (!pending.isEmpty() && pending.peek().flights().stream().allMatch(f -> f.gathered)) {
            out.putAll(pending.poll().offsets());
        }
        return out.isEmpty() ? null : out;
    }

    /** After their outcomes are committed, the ledger answers for these entries. */
    void committed(Collection<LedgerEntry> outcomes) {
        outcomes.forEach(e -> inFlight.remove(e.key()));
    }

    /** Waits for every running delivery (their retries are bounded by the retry policy). */
    void awaitAll() {
        for (Flight f : List.copyOf(running)) {
            try {
                f.result.join();
            } catch (CompletionException e) {
                // gather() reports it
            }
        }
    }

    /** Offsets not yet committable are given up (their records are read again by the next owner). */
    void dropPendingOffsets() {
        pending.clear();
    }

    boolean isSending(String key) {
        return inFlight.containsKey(key);
    }

    Collection<LedgerEntry> inFlight() {
        return inFlight.values();
    }

    /** A delivery to this channel is still running. */
    boolean busy(String channel) {
        return running.stream().anyMatch(f -> f.channel.equals(channel) && !f.result.isDone());
    }

    boolean isEmpty() {
        return running.isEmpty();
    }
}
