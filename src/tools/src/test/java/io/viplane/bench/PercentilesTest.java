package io.viplane.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    private static long[] oneTo(int n) {
        return LongStream.rangeClosed(1, n).toArray();
    }

    @Test
    void nearestRankOfOneToHundredIsTheValueAtThatRank() {
        long[] v = oneTo(100);
        assertEquals(50, Percentiles.nearestRank(v, 50));
        assertEquals(99, Percentiles.nearestRank(v, 99));
        assertEquals(100, Percentiles.nearestRank(v, 100));
        assertEquals(1, Percentiles.nearestRank(v, 0.5));
    }

    @Test
    void rankIsRoundedUpToAnObservedSample() {
        long[] v = {10, 20, 30};
        assertEquals(20, Percentiles.nearestRank(v, 50)); // 1.5 -> rank 2
        assertEquals(30, Percentiles.nearestRank(v, 99)); // 2.97 -> rank 3
        assertEquals(10, Percentiles.nearestRank(v, 33)); // 0.99 -> rank 1
    }

    @Test
    void binaryRoundingOfTheRankDoesNotSkipASample() {
        // 0.99 * 200 is 198.00000000000003 in doubles; the 99th percentile of 1..200 is still 198.
        assertEquals(198, Percentiles.nearestRank(oneTo(200), 99));
        assertEquals(990, Percentiles.nearestRank(oneTo(1000), 99));
    }

    @Test
    void summarySortsAndReportsCountAndMax() {
        Percentiles.Summary s = Percentiles.summarize(new long[] {5, 1, 4, 2, 3});
        assertEquals(new Percentiles.Summary(5, 3, 5, 5), s);
    }

    @Test
    void summaryOfASingleSampleIsThatSample() {
        assertEquals(new Percentiles.Summary(1, 7, 7, 7), Percentiles.summarize(new long[] {7}));
    }

    @Test
    void summaryDoesNotReorderTheCallersArray() {
        long[] v = {3, 1, 2};
        Percentiles.summarize(v);
        assertEquals(3, v[0]);
    }

    @Test
    void noSamplesGiveAnEmptySummaryButNoPercentile() {
        assertTrue(Percentiles.summarize(new long[0]).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[0], 50));
    }

    @Test
    void percentileOutsideTheRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(oneTo(3), 0));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(oneTo(3), 100.5));
    }

    @Test
    void samplesCollectBeyondTheirInitialCapacity() {
        Samples s = new Samples();
        for (int i = 3000; i >= 1; i--) {
            s.add(i);
        }
        assertEquals(new Percentiles.Summary(3000, 1500, 2970, 3000), s.summary());
    }
}
