package io.viplane.notify.route;

import io.viplane.notify.Notice;
import java.util.Set;

/**
 * What a route matches; an empty set matches anything. A route that names priorities does not
 * match a notice whose priority is unknown (no routed ticket seen yet).
 */
public record Match(Set<Notice.Source> sources, Set<String> kinds, Set<String> targets, Set<String> tiers,
                    Set<String> priorities, Set<String> riskLevels) {
    public static final Match ANY = new Match(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Match {
        sources = Set.copyOf(sources);
        kinds = Set.copyOf(kinds);
        targets = Set.copyOf(targets);
        tiers = Set.copyOf(tiers);
        priorities = Set.copyOf(priorities);
        riskLevels = Set.copyOf(riskLevels);
    }

    public boolean matches(Notice n) {
        return in(sources, n.source()) && in(kinds, n.kind()) && in(targets, n.target()) && in(tiers, n.tier())
                && in(priorities, n.priority()) && in(riskLevels, n.riskLevel());
    }

    private static <T> boolean in(Set<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
}
