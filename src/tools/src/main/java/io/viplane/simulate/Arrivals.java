package io.viplane.simulate;

import io.viplane.model.Tier;
import io.viplane.sample.SampleCustomers;
import io.viplane.sample.SampleCustomers.Customer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The month's new tickets, decided before the simulation starts so that every ordering sees the same
 * traffic: volume per day (weekends damped), creation times in the account's local working day, the
 * VIP share and tier mix, severities, a few churn texts, and outages (many accounts at once).
 */
final class Arrivals {
    private static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");

    /** One new ticket. {@code outage}: part of a burst. */
    record Arrival(String ticketId, Customer customer, String contactId, Instant createdAt, String priority,
                   SampleCustomers.Text text, boolean outage) {
    }

    private Arrivals() {
    }

    static List<Arrival> generate(Volume v, SampleCustomers crm, long seed, Instant start, int days) {
        Random r = new Random(seed);
        Map<Tier, List<Customer>> byTier = new EnumMap<>(Tier.class);
        crm.customers().forEach(c -> byTier.computeIfAbsent(c.tier(), t -> new ArrayList<>()).add(c));
        // A weekday carries more than the average day so that a 30-day month brings tickets_per_month.
        double weekday = v.ticketsPerMonth() / 30.0 / ((5 + 2 * v.weekendFactor()) / 7);
        List<Arrival> out = new ArrayList<>();
        int n = 0;
        for (int d = 0; d < days; d++) {
            Instant dayStart = start.plusSeconds(86_400L * d);
            DayOfWeek dow = dayStart.atZone(ZoneOffset.UTC).getDayOfWeek();
            double expected = weekday * (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? v.weekendFactor() : 1);
            long count = Math.max(0, Math.round(expected + r.nextGaussian() * Math.sqrt(expected)));
            for (int i = 0; i < count; i++) {
                Customer c = customer(v, byTier, r);
                out.add(arrival(++n, c, localTime(r, dayStart, c.zone()), weighted(r, PRIORITIES, v.priorityWeights()),
                        crm, r.nextDouble() < v.churnTextShare(), r, false));
            }
        }
        List<Customer> everyone = crm.customers();
        double outages = v.outages().perMonth() * days / 30.0;
        int bursts = (int) outages + (r.nextDouble() < outages - (int) outages ? 1 : 0);
        for (int b = 0; b < bursts; b++) {
            Instant at = start.plusSeconds(86_400L * r.nextInt(Math.max(1, days)) + 3600L * (13 + r.nextInt(6)));
            Set<String> hit = new HashSet<>();
            while (hit.size() < Math.min(v.outages().accounts(), everyone.size())) {
                Customer c = everyone.get(r.nextInt(everyone.size()));
                if (hit.add(c.accountId())) {
                    Instant t = at.plusSeconds(r.nextInt(Math.max(1, v.outages().withinMinutes() * 60)));
                    out.add(arrival(++n, c, t, r.nextBoolean() ? "URGENT" : "HIGH", crm, false, r, true));
                }
            }
        }
        out.sort(Comparator.comparing(Arrival::createdAt).thenComparing(Arrival::ticketId));
        return out;
    }

    private static Arrival arrival(int n, Customer c, Instant at, String priority, SampleCustomers crm, boolean churn,
                                   Random r, boolean outage) {
        // Now and then a VIP's executive writes in (the sample day does the same).
        List<String> from = c.tier() != Tier.STANDARD && !c.executiveContactIds().isEmpty() && r.nextDouble() < 0.12
                ? c.executiveContactIds() : c.contactIds().isEmpty() ? c.executiveContactIds() : c.contactIds();
        String contact = from.isEmpty() ? null : from.get(r.nextInt(from.size()));
        return new Arrival(String.format("sim-%05d", n), c, contact, at, priority, crm.opening(churn), outage);
    }

    private static Customer customer(Volume v, Map<Tier, List<Customer>> byTier, Random r) {
        if (r.nextDouble() < v.vipShare()) {
            String tier = weighted(r, List.of("T1", "T2", "T3"), v.vipTierWeights());
            List<Customer> in = byTier.getOrDefault(Tier.valueOf(tier), List.of());
            if (!in.isEmpty()) {
                return in.get(r.nextInt(in.size()));
            }
        }
        List<Customer> standard = byTier.get(Tier.STANDARD);
        return standard.get(r.nextInt(standard.size()));
    }

    /** Rejection sampling on the local hour: people write in during their working day, seldom at night. */
    private static Instant localTime(Random r, Instant dayStart, String zone) {
        while (true) {
            Instant t = dayStart.plusSeconds(r.nextInt(86_400));
            ZonedDateTime local = t.atZone(ZoneId.of(zone));
            int h = local.getHour();
            double w = h >= 8 && h < 18 ? 1.0 : h == 7 || (h >= 18 && h < 21) ? 0.35 : 0.06;
            if (r.nextDouble() < w) {
                return t;
            }
        }
    }

    private static String weighted(Random r, List<String> names, Map<String, Double> weights) {
        double total = names.stream().mapToDouble(k -> weights.getOrDefault(k, 0.0)).sum();
        double x = r.nextDouble() * total;
        for (String k : names) {
            x -= weights.getOrDefault(k, 0.0);
            if (x < 0) {
                return k;
            }
        }
        return names.get(names.size() - 1);
    }
}
