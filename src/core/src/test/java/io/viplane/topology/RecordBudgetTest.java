package io.viplane.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A record over its budget is refused only when it is handed over again (its transaction failed). */
class RecordBudgetTest {
    private final AtomicLong cpu = new AtomicLong();
    private final RecordBudget budget = new RecordBudget(Duration.ofSeconds(1), cpu::get);
    private final AtomicInteger runs = new AtomicInteger();

    private Runnable costing(Duration d) {
        return () -> {
            runs.incrementAndGet();
            cpu.addAndGet(d.toNanos());
        };
    }

    @Test
    void aRecordOverItsBudgetRunsOnceAndIsRefusedWhenHandedOverAgain() {
        budget.run("support.tickets-0@7", costing(Duration.ofMillis(1500)));
        assertEquals(1, runs.get(), "the first attempt runs and may commit");
        RecordBudget.Exceeded e = assertThrows(RecordBudget.Exceeded.class,
                () -> budget.run("support.tickets-0@7", costing(Duration.ofMillis(1500))));
        assertEquals(1, runs.get(), "refused before any work: nothing of it reaches the stores");
        assertTrue(e.getMessage().contains("support.tickets-0@7") && e.getMessage().contains("1000 ms"), e.getMessage());
        budget.run("support.tickets-0@8", costing(Duration.ofMillis(5)));
        budget.run("support.tickets-1@7", costing(Duration.ofMillis(5)));
        assertEquals(3, runs.get(), "other records, the same offset of another partition included, run");
    }

    @Test
    void aRecordWithinItsBudgetIsRetriedAsOftenAsKafkaStreamsHandsItOver() {
        budget.run("support.accounts-2@3", costing(Duration.ofMillis(999)));
        budget.run("support.accounts-2@3", costing(Duration.ofMillis(999)));
        assertEquals(2, runs.get());
    }

    @Test
    void theBudgetCountsThisThreadsCpuTimeNotTimeSpentWaiting() throws Exception {
        RecordBudget real = new RecordBudget(Duration.ofMillis(200));
        real.run("support.tickets-0@1", () -> {
            try {
                Thread.sleep(400); // blocked (a broker restart, a busy machine): no work done
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        real.run("support.tickets-0@1", () -> runs.incrementAndGet());
        assertEquals(1, runs.get(), "not refused: waiting is not over the budget");
    }

    @Test
    void workOnThisThreadCounts() {
        RecordBudget real = new RecordBudget(Duration.ofMillis(100));
        real.run("support.tickets-0@2", () -> {
            long end = System.nanoTime() + 400_000_000L;
            long x = 0;
            while (System.nanoTime() < end) {
                x += System.identityHashCode(this); // busy: CPU time
            }
            runs.addAndGet(x == 42 ? 1 : 0);
        });
        assertThrows(RecordBudget.Exceeded.class, () -> real.run("support.tickets-0@2", runs::incrementAndGet));
    }
}
