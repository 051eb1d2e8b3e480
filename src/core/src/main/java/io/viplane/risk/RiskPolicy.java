package io.viplane.risk;

import io.viplane.model.RiskLevel;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicySection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code risk:} section of a policy: the points of every contributor, the thresholds that
 * turn them on, the score of each level, the hysteresis margin and the recommended actions.
 *
 * @param points          points per signal (0 switches a signal off); renewal proximity uses {@code renewalSteps}
 * @param healthBelow     health score below this counts (seed 000: 65)
 * @param usageAtMostPct  usage trend at or below this percentage counts (seed: -20)
 * @param npsAnswerAtMost an NPS given as a 0..10 survey answer at or below this is a detractor
 * @param npsScoreBelow   an NPS given on the -100..100 scale below this is a detractor
 * @param renewalSteps    renewal within N days adds points; the nearest step that holds applies
 * @param levels          score thresholds and hysteresis margin
 * @param actions         recommended actions by level and by dominant signal
 */
public record RiskPolicy(
        Map<RiskSignal, Integer> points,
        int healthBelow,
        double usageAtMostPct,
        int npsAnswerAtMost,
        int npsScoreBelow,
        List<RenewalStep> renewalSteps,
        Levels levels,
        Actions actions) {

    public RiskPolicy {
        points = Map.copyOf(points);
        renewalSteps = renewalSteps.stream().sorted(Comparator.comparingInt(RenewalStep::withinDays)).toList();
    }

    public record RenewalStep(int withinDays, int points) {
    }

    /**
     * A level holds from its threshold up. Rising is immediate; to leave a level the score must
     * fall below that level's threshold minus {@code margin}, so a score wobbling around a
     * threshold does not flap.
     */
    public record Levels(int medium, int high, int critical, int margin) {

        public int threshold(RiskLevel level) {
            return switch (level) {
                case LOW -> 0;
                case MEDIUM -> medium;
                case HIGH -> high;
                case CRITICAL -> critical;
            };
        }

        /** The level of a score, without history. */
        public RiskLevel levelFor(int score) {
            if (score >= critical) {
                return RiskLevel.CRITICAL;
            }
            if (score >= high) {
                return RiskLevel.HIGH;
            }
            return score >= medium ? RiskLevel.MEDIUM : RiskLevel.LOW;
        }

        /** The level after {@code current} sees {@code score}, with hysteresis on the way down. */
        public RiskLevel next(RiskLevel current, int score) {
            RiskLevel raw = levelFor(score);
            if (current == null || raw.compareTo(current) >= 0) {
                return raw;
            }
            RiskLevel level = current;
            while (level != RiskLevel.LOW && score < threshold(level) - margin) {
                level = RiskLevel.values()[level.ordinal() - 1];
            }
            return level;
        }
    }

    /**
     * @param byLevel       the action for each level
     * @param bySignal      a playbook for a dominant signal (seed 000: competitor mention, unresolved
     *                      tickets, usage decline), in file order, which also breaks ties
     * @param playbooksFrom playbooks apply from this level up...
     * @param levelWinsFrom ...and below this level; from here up the level's action always applies
     */
    public record Actions(Map<RiskLevel, String> byLevel, Map<RiskSignal, String> bySignal,
                          RiskLevel playbooksFrom, RiskLevel levelWinsFrom) {
        public Actions {
            byLevel = Map.copyOf(byLevel);
            // insertion order matters (tie-break), so keep a copy that preserves it
            bySignal = Collections.unmodifiableMap(new LinkedHashMap<>(bySignal));
        }
    }

    public int pointsOf(RiskSignal signal) {
        return points.get(signal);
    }

    /** Points for a renewal {@code days} away: the nearest step that holds, none once the date has passed. */
    public Optional<RenewalStep> renewalStep(Integer days) {
        if (days == null || days < 0) {
            return Optional.empty();
        }
        return renewalSteps.stream().filter(s -> days <= s.withinDays()).findFirst();
    }

    /**
     * The contributor with the most points; on a tie the one listed first under
     * {@code actions.by_signal}, then in {@link RiskSignal} order.
     */
    public Optional<RiskSignal> dominant(List<Contribution> contributions) {
        List<RiskSignal> playbookOrder = new ArrayList<>(actions.bySignal().keySet());
        Comparator<Contribution> byPoints = Comparator.comparingInt(Contribution::points);
        Comparator<Contribution> byPlaybook = Comparator.comparingInt(c -> {
            int i = playbookOrder.indexOf(c.signal());
            return i < 0 ? Integer.MAX_VALUE : i;
        });
        return contributions.stream()
                .filter(c -> c.points() > 0)
                .min(byPoints.reversed().thenComparing(byPlaybook).thenComparing(Contribution::signal))
                .map(Contribution::signal);
    }

    /** The recommended action for a level, given what caused it. */
    public String actionFor(RiskLevel level, List<Contribution> contributions) {
        return actionFor(level, playbooksApply(level) ? dominant(contributions).orElse(null) : null);
    }

    /** As {@link #actionFor(RiskLevel, List)}, for a caller that already knows the dominant signal (null: none). */
    public String actionFor(RiskLevel level, RiskSignal dominant) {
        if (dominant != null && playbooksApply(level)) {
            String playbook = actions.bySignal().get(dominant);
            if (playbook != null) {
                return playbook;
            }
        }
        return actions.byLevel().get(level);
    }

    private boolean playbooksApply(RiskLevel level) {
        return level.compareTo(actions.playbooksFrom()) >= 0 && level.compareTo(actions.levelWinsFrom()) < 0;
    }

    public static RiskPolicy fromPolicy(Policy policy) {
        String file = policy.name();
        PolicySection root = PolicySection.root(file, "risk", policy.risk())
                .only("contributors", "levels", "hysteresis_margin", "actions");

        List<String> keys = new ArrayList<>();
        for (RiskSignal s : RiskSignal.values()) {
            keys.add(s.policyKey());
        }
        PolicySection c = root.object("contributors").only(keys.toArray(String[]::new));
        Map<RiskSignal, Integer> points = new EnumMap<>(RiskSignal.class);
        int health = 0;
        double usage = 0;
        int npsAnswer = 0;
        int npsScore = 0;
        List<RenewalStep> steps = new ArrayList<>();
        for (RiskSignal s : RiskSignal.values()) {
            if (s == RiskSignal.RENEWAL_PROXIMITY) {
                for (PolicySection step : c.objectList(s.policyKey())) {
                    step.only("within_days", "points");
                    RenewalStep r = new RenewalStep(step.integer("within_days", 0, 3650), step.integer("points", 0, 100));
                    if (steps.stream().anyMatch(o -> o.withinDays() == r.withinDays())) {
                        throw step.error("within_days " + r.withinDays() + " appears twice");
                    }
                    steps.add(r);
                }
                points.put(s, steps.stream().mapToInt(RenewalStep::points).max().orElse(0));
                continue;
            }
            PolicySection one = c.object(s.policyKey());
            switch (s) {
                case HEALTH_LOW -> {
                    one.only("below", "points");
                    health = one.integer("below", 1, 100);
                }
                case USAGE_DECLINE -> {
                    one.only("at_most_pct", "points");
                    usage = one.number("at_most_pct", -100, -0.01);
                }
                case NPS_DETRACTOR -> {
                    one.only("answer_at_most", "score_below", "points");
                    npsAnswer = one.integer("answer_at_most", 0, 10);
                    npsScore = one.integer("score_below", -99, 100);
                }
                default -> one.only("points");
            }
            points.put(s, one.integer("points", 0, 100));
        }

        int margin = root.integer("hysteresis_margin", 0, 100);
        PolicySection l = root.object("levels").only("medium", "high", "critical");
        Levels levels = new Levels(l.integer("medium", 1, 100), l.integer("high", 1, 100), l.integer("critical", 1, 100), margin);
        if (!(levels.medium() < levels.high() && levels.high() < levels.critical())) {
            throw l.error("thresholds must rise: medium < high < critical");
        }
        if (margin >= levels.medium()) {
            throw root.error("hysteresis_margin (" + margin + ") must be below levels.medium (" + levels.medium()
                    + "), or an account could never return to LOW");
        }

        PolicySection a = root.object("actions").only("by_level", "by_signal", "playbooks_from", "level_wins_from");
        Map<RiskLevel, String> byLevel = new EnumMap<>(RiskLevel.class);
        a.enumKeyed("by_level", RiskLevel.class).forEach((level, text) -> byLevel.put(level, text.asText()));
        for (RiskLevel level : RiskLevel.values()) {
            if (!byLevel.containsKey(level)) {
                throw a.object("by_level").error("needs an action for " + level);
            }
        }
        Map<RiskSignal, String> bySignal = new LinkedHashMap<>();
        a.enumKeyed("by_signal", RiskSignal.class).forEach((signal, text) -> bySignal.put(signal, text.asText()));
        RiskLevel from = a.enumValue("playbooks_from", RiskLevel.class);
        RiskLevel wins = a.enumValue("level_wins_from", RiskLevel.class);
        if (wins.compareTo(from) < 0) {
            throw a.error("level_wins_from must not be below playbooks_from");
        }
        return new RiskPolicy(points, health, usage, npsAnswer, npsScore, steps, levels,
                new Actions(byLevel, bySignal, from, wins));
    }
}
