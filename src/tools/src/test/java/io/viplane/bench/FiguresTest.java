package io.viplane.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FiguresTest {
    @Test
    void eventsPerSecondFromNanos() {
        assertEquals(500.0, Figures.perSecond(1_000, 2_000_000_000L), 1e-9);
        assertEquals(25_000.0, Figures.perSecond(50_000, 2_000_000_000L), 1e-9);
        assertTrue(Double.isNaN(Figures.perSecond(10, 0)));
    }

    @Test
    void ratioIsMeasuredOverBaseline() {
        assertEquals(0.75, Figures.ratio(3, 4), 1e-12);
        assertEquals(2.5, Figures.ratio(250, 100), 1e-12);
        assertTrue(Double.isNaN(Figures.ratio(1, 0)));
        assertTrue(Double.isNaN(Figures.ratio(Double.NaN, 4)));
        assertTrue(Double.isNaN(Figures.ratio(4, Double.NaN)));
    }

    @Test
    void bytesPerThousandOpenTickets() {
        assertEquals(500_000.0, Figures.bytesPer(2_000_000, 4_000, 1_000), 1e-9);
        assertEquals(800.0, Figures.bytesPer(80_000_000, 100_000, 1), 1e-9);
        assertTrue(Double.isNaN(Figures.bytesPer(100, 0, 1_000)));
    }

    @Test
    void formatting() {
        assertEquals("0.25x", Figures.ratioText(0.25));
        assertEquals("n/a", Figures.ratioText(Double.NaN));
        assertEquals("1,235", Figures.number(1234.5));
        assertEquals("12.3", Figures.number(12.34));
        assertEquals("1.5 MiB", Figures.mib(1024 * 1024 * 3 / 2));
        assertEquals("n/a", Figures.mib(-1));
        assertEquals("2.5", Figures.millis(2_500_000));
    }
}
