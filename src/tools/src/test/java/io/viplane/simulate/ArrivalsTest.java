package io.viplane.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.Tier;
import io.viplane.sample.SampleCustomers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The month's traffic matches the volume file (seed 000's figures by default) and is the same for a seed. */
class ArrivalsTest {
    private static final LocalDate DAY = LocalDate.parse("2026-01-05");
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final SampleCustomers CRM = SampleCustomers.build(7, DAY);

    @Test
    void aMonthBringsSeed000sVolumeAndVipShare() {
        Volume v = SimFiles.read(null, "volume.yaml", Volume.class);
        List<Arrivals.Arrival> month = Arrivals.generate(v, CRM, 7, START, 30);
        long outage = month.stream().filter(Arrivals.Arrival::outage).count();
        assertEquals(40, outage, "one outage, 40 accounts");
        long ordinary = month.size() - outage;
        assertTrue(Math.abs(ordinary - 1733) < 1733 * 0.05, "about 1,733 tickets: " + ordinary);
        double vip = month.stream().filter(a -> !a.outage() && a.customer().tier() != Tier.STANDARD).count() / (double) ordinary;
        assertTrue(vip > 0.15 && vip < 0.21, "about 18% VIP (seed 000): " + vip);
        assertTrue(month.stream().allMatch(a -> !a.createdAt().isBefore(START)
                && a.createdAt().isBefore(START.plusSeconds(30 * 86_400L))));
        for (int i = 1; i < month.size(); i++) {
            assertTrue(!month.get(i).createdAt().isBefore(month.get(i - 1).createdAt()), "in creation order");
        }
        List<String> again = Arrivals.generate(v, SampleCustomers.build(7, DAY), 7, START, 30).stream()
                .map(a -> a.ticketId() + a.createdAt() + a.customer().accountId() + a.priority() + a.text()).toList();
        assertEquals(month.stream().map(a -> a.ticketId() + a.createdAt() + a.customer().accountId() + a.priority() + a.text())
                .toList(), again, "deterministic for a seed");
    }
}
