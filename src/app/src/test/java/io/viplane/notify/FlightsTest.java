package io.viplane.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.notify.ledger.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The background deliveries' bookkeeping, without Kafka or HTTP. */
class FlightsTest {
    private static final TopicPartition P0 = new TopicPartition("support.escalations", 0);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Flights flights = new Flights();

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private static LedgerEntry entry(String id, String channel) {
        return new LedgerEntry(id, channel, LedgerEntry.Status.SENDING, 0, null, null, Instant.EPOCH, null, null,
                "message", null, "tkt-" + id, "support.escalations-0", null);
    }

    private static List<LedgerEntry> delivered(LedgerEntry e) {
        return List.of(e.with(LedgerEntry.Status.DELIVERED, 1, null, null, Instant.EPOCH));
    }

    private static Map<TopicPartition, OffsetAndMetadata> upTo(long offset) {
        return Map.of(P0, new OffsetAndMetadata(offset));
    }

    @Test
    void aPollsOffsetsWaitForItsDeliveriesAndForEveryEarlierPoll() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        LedgerEntry a = entry("a", "pager");
        LedgerEntry b = entry("b", "pager");
        flights.launch("pager", "tkt-a", List.of(a), () -> {
            await(slow);
            return delivered(a);
        }, pool, true, () -> { });
        flights.endPoll(upTo(10));
        CountDownLatch bDone = new CountDownLatch(1);
        flights.launch("pager", "tkt-b", List.of(b), () -> delivered(b), pool, true, bDone::countDown);
        flights.endPoll(upTo(20));
        flights.endPoll(upTo(30)); // a poll that started nothing

        assertTrue(bDone.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("b"), flights.gather().stream().map(LedgerEntry::noticeId).toList());
        assertNull(flights.committableOffsets(), "poll 1's delivery still runs: no offset may pass it");
        assertTrue(flights.isSending("a|pager"));

        slow.countDown();
        flights.awaitAll();
        List<LedgerEntry> out = flights.gather();
        assertEquals(LedgerEntry.Status.DELIVERED, out.get(0).status());
        assertEquals(30, flights.committableOffsets().get(P0).offset(), "all three polls at once, the latest wins");
        assertTrue(flights.isSending("a|pager"), "until its outcome is committed");
        flights.committed(out);
        assertFalse(flights.isSending("a|pager"));
        assertTrue(flights.isEmpty());
    }

    @Test
    void oneOrderKeyRunsInOrderAndOthersRunAlongside() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        LedgerEntry trigger = entry("trigger", "pager");
        LedgerEntry resolve = entry("resolve", "pager");
        LedgerEntry other = entry("other", "pager");
        flights.launch("pager", "tkt-1", List.of(trigger), () -> {
            await(first);
            order.add("trigger");
            return delivered(trigger);
        }, pool, true, () -> { });
        flights.launch("pager", "tkt-1", List.of(resolve), () -> {
            order.add("resolve");
            return delivered(resolve);
        }, pool, true, () -> { });
        CountDownLatch otherDone = new CountDownLatch(1);
        flights.launch("pager", "tkt-2", List.of(other), () -> {
            order.add("other");
            return delivered(other);
        }, pool, true, otherDone::countDown);
        assertTrue(otherDone.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("other"), order, "another ticket does not wait; the resolve waits for its trigger");
        first.countDown();
        flights.awaitAll();
        assertEquals(List.of("other", "trigger", "resolve"), order);
    }

    @Test
    void aDeliveryWithACommittedSendingEntryHoldsNoOffsetsAndReportsItsEnd() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        AtomicInteger ended = new AtomicInteger();
        LedgerEntry post = entry("post", "slack");
        flights.launch("slack", "", List.of(post), () -> {
            await(hang);
            return delivered(post);
        }, pool, false, ended::incrementAndGet);
        flights.endPoll(upTo(5));
        assertTrue(flights.busy("slack"));
        assertFalse(flights.busy("pager"));
        assertEquals(5, flights.committableOffsets().get(P0).offset());
        hang.countDown();
        flights.awaitAll();
        assertFalse(flights.busy("slack"));
        assertEquals(1, flights.gather().size());
        waitFor(() -> ended.get() == 1);
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ok.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(ok.getAsBoolean());
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
