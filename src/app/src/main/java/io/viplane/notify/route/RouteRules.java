package io.viplane.notify.route;

import io.viplane.notify.Notice;
import io.viplane.sla.calendar.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, for a notice and the time now, which channels get it and when (pure). Every matching
 * route contributes its channels; a channel reached by several routes is planned once, at the
 * earliest. Urgent notices (by tier, priority, kind or risk level, from the routes file; seed 000's
 * T1 and P1 by default) are sent at once whatever their routes say. Quiet hours come from a
 * business calendar of the policy ({@link BusinessCalendar}, the same one the SLA clocks use).
 */
public final class RouteRules {
    /** What never waits. */
    public record Urgent(Set<String> tiers, Set<String> priorities, Set<String> kinds, Set<String> riskLevels) {
        public static final Urgent SEED_DEFAULT = new Urgent(Set.of("T1"), Set.of("P1"), Set.of(), Set.of());

        public Urgent {
            tiers = Set.copyOf(tiers);
            priorities = Set.copyOf(priorities);
            kinds = Set.copyOf(kinds);
            riskLevels = Set.copyOf(riskLevels);
        }

        public boolean test(Notice n) {
            return (n.tier() != null && tiers.contains(n.tier())) || (n.priority() != null && priorities.contains(n.priority()))
                    || (n.kind() != null && kinds.contains(n.kind())) || (n.riskLevel() != null && riskLevels.contains(n.riskLevel()));
        }
    }

    private final List<Route> routes;
    private final Urgent urgent;
    private final BusinessCalendar calendar;

    public RouteRules(List<Route> routes, Urgent urgent, BusinessCalendar calendar) {
        this.routes = List.copyOf(routes);
        this.urgent = urgent;
        this.calendar = calendar;
    }

    public List<Route> routes() {
        return routes;
    }

    public boolean urgent(Notice n) {
        return urgent.test(n);
    }

    public List<Plan> plan(Notice n, Instant now) {
        Map<String, Plan> byChannel = new LinkedHashMap<>();
        boolean isUrgent = urgent.test(n);
        for (Route r : routes) {
            if (!r.match().matches(n)) {
                continue;
            }
            for (String ch : r.channels()) {
                Plan p = isUrgent ? new Plan(ch, r.name(), null, null) : plan(ch, r, now);
                Plan prev = byChannel.get(ch);
                if (prev == null || earlier(p, prev)) {
                    byChannel.put(ch, p);
                }
            }
        }
        return new ArrayList<>(byChannel.values());
    }

    private Plan plan(String channel, Route r, Instant now) {
        return switch (r.delivery()) {
            case IMMEDIATE -> new Plan(channel, r.name(), null, null);
            case BUSINESS_HOURS -> calendar.isOpen(now) ? new Plan(channel, r.name(), null, null)
                    : new Plan(channel, r.name(), calendar.nextOpening(now), null);
            case DIGEST_HOURLY -> {
                Instant start = now.truncatedTo(ChronoUnit.HOURS);
                Instant end = start.plus(1, ChronoUnit.HOURS);
                yield new Plan(channel, r.name(), openAtOrAfter(end), channel + "/" + r.name() + "/hour/" + start);
            }
            case DIGEST_DAILY -> {
                ZoneId zone = calendar.zone() == null ? ZoneId.of("UTC") : calendar.zone();
                LocalDate day = ZonedDateTime.ofInstant(now, zone).toLocalDate();
                Instant nextDay = day.plusDays(1).atStartOfDay(zone).toInstant();
                yield new Plan(channel, r.name(), openAtOrAfter(nextDay), channel + "/" + r.name() + "/day/" + day);
            }
        };
    }

    private Instant openAtOrAfter(Instant t) {
        return calendar.isOpen(t) ? t : calendar.nextOpening(t);
    }

    private static boolean earlier(Plan a, Plan b) {
        if (a.releaseAt() == null) {
            return b.releaseAt() != null;
        }
        return b.releaseAt() != null && a.releaseAt().isBefore(b.releaseAt());
    }
}
