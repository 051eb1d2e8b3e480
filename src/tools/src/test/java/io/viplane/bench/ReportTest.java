package io.viplane.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final HeapSampler.Peak PEAK = new HeapSampler.Peak(100L << 20, 400L << 20);

    private static SlaScenario.Result sla(int breaches) {
        return new SlaScenario.Result(new SlaScenario.Settings(1_050, 60, 60, 60, 7), 23, 15, 50, 75, 2_000, 5_000, 1_000,
                breaches, breaches == 0 ? Percentiles.Summary.EMPTY : new Percentiles.Summary(breaches, 400, 1_200, 1_500),
                breaches == 0 ? Map.of() : Map.of("FIRST_RESPONSE BREACHED", breaches), PEAK, 800_000, breaches == 0 ? 2 : 0);
    }

    @Test
    void slaWithoutBreachesSaysTheEngineMayNotBeWired() {
        String text = Report.sla(sla(0));
        assertTrue(text.contains(Report.NOT_WIRED), text);
        assertTrue(text.contains("left RUNNING 2 times"), text);
        assertTrue(text.contains("| breach-detection lag p50 / p99 / max | n/a |"), text);
    }

    @Test
    void slaWithBreachesReportsLagAndBytesPerTicket() {
        String text = Report.sla(sla(1_000));
        assertFalse(text.contains(Report.NOT_WIRED));
        assertFalse(text.contains("Unsteady"));
        assertFalse(text.contains("includes the loading backlog"), "routed after 5 s, well before the 75 s lead");
        assertTrue(text.contains("starting 75 s after they were published"), text);
        assertTrue(text.contains("| breach-detection lag p50 / p99 / max | 400 / 1,200 / 1,500 ms |"), text);
        // 800,000 bytes / 1,050 open tickets (calibration tickets are open too)
        assertTrue(text.contains("| state bytes per open ticket | 762 |"), text);
        assertTrue(text.contains("| FIRST_RESPONSE breaches observed / expected | 1,000 / 1,000 |"), text);
    }

    @Test
    void routingPrintsViplaneOverIdentityRatios() {
        PhaseResult identity = new PhaseResult("identity", 10_000, 8_000, 100_000, 2_000, 2_000, 500,
                new Percentiles.Summary(2_000, 100_000_000, 300_000_000, 400_000_000), PEAK, 0, true, 0);
        PhaseResult viplane = new PhaseResult("viplane", 10_000, 2_000, 450_000, 2_000, 1_800, 500,
                new Percentiles.Summary(1_800, 250_000_000, 900_000_000, 1_000_000_000),
                new HeapSampler.Peak(250L << 20, 600L << 20), 3_000_000, true, 0);
        var r = new RoutingScenario.Result(new RoutingScenario.Settings(10_000, 1_000, 1_000, 4, 7), 3, 2_000, 4_000,
                6_000, viplane, identity);
        String text = Report.routing(r);
        assertTrue(text.contains("| throughput, events/s (N events at full speed) | 8,000 | 2,000 | 0.25x |"), text);
        assertTrue(text.contains("| CPU of the application's threads per 1,000 events, ms | 100.0 | 450.0 | 4.50x |"), text);
        assertTrue(text.contains("| latency p50, ms (published → output consumed) | 100.0 | 250.0 | 2.50x |"), text);
        assertTrue(text.contains("| latency p99, ms | 300.0 | 900.0 | 3.00x |"), text);
        assertTrue(text.contains("| peak heap (sampled every 50 ms) | 100.0 MiB | 250.0 MiB | 2.50x |"), text);
        assertTrue(text.contains("| state bytes per 1,000 open tickets | – | 500,000 | |"), text); // 3e6 * 1000 / 6000
        assertFalse(text.contains("Incomplete"));
        assertFalse(text.contains("Unsteady"));
    }

    @Test
    void argsRejectUnknownFlagsAndParseNumbers() {
        BenchArgs a = BenchArgs.parse(new String[] {"routing", "--events", "50_000"}, Set.of("events"));
        assertEquals("routing", a.command());
        assertEquals(50_000, a.intValue("events", 1, 1));
        assertEquals(9, a.intValue("rate", 9, 1));
        assertThrows(BenchArgs.UsageException.class, () -> BenchArgs.parse(new String[] {"routing", "--nope", "1"},
                Set.of("events")));
        assertThrows(BenchArgs.UsageException.class, () -> BenchArgs.parse(new String[] {"routing", "--events"},
                Set.of("events")));
        assertThrows(BenchArgs.UsageException.class,
                () -> BenchArgs.parse(new String[] {"routing", "--events", "0"}, Set.of("events")).intValue("events", 1, 1));
    }
}
