package io.viplane.risk;

import io.viplane.model.RiskLevel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An account's risk at one moment, with everything that caused it.
 *
 * @param score             0..100: the sum of the contributions' points, capped at 100
 * @param level             the level of that score (after hysteresis, once it went through {@link RiskLevelTracker})
 * @param contributions     every contributor and its points, most points first
 * @param dominant          the contributor that chose the playbook; null with no contributor
 * @param recommendedAction what the CSM should do
 * @param daysToRenewal     as given to the scorer, null when unknown
 * @param assessedAt        event time the assessment is for
 * @param baseline          the account's first published level (see {@link RiskLevelTracker}): a starting
 *                          point, not a change; {@link #signals()} then starts with {@link #BASELINE_SIGNAL}
 */
public record RiskAssessment(int score, RiskLevel level, List<Contribution> contributions, RiskSignal dominant,
                             String recommendedAction, Integer daysToRenewal, Instant assessedAt, boolean baseline) {

    /** First entry of {@code AtRiskAccount.signals} on a baseline record (issue 18). */
    public static final String BASELINE_SIGNAL =
            "BASELINE: first assessment of this account (starting level, not a change)";

    public RiskAssessment(int score, RiskLevel level, List<Contribution> contributions, RiskSignal dominant,
                          String recommendedAction, Integer daysToRenewal, Instant assessedAt) {
        this(score, level, contributions, dominant, recommendedAction, daysToRenewal, assessedAt, false);
    }

    public RiskAssessment {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(recommendedAction, "recommendedAction");
        Objects.requireNonNull(assessedAt, "assessedAt");
        contributions = List.copyOf(contributions);
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be within 0..100: " + score);
        }
    }

    /** The published explanation: one {@link Contribution#label()} per contributor. */
    public List<String> signals() {
        List<String> labels = contributions.stream().map(Contribution::label).toList();
        if (!baseline) {
            return labels;
        }
        List<String> out = new java.util.ArrayList<>(labels.size() + 1);
        out.add(BASELINE_SIGNAL);
        out.addAll(labels);
        return List.copyOf(out);
    }

    /** The sum of all points before the cap. */
    public int uncappedScore() {
        return contributions.stream().mapToInt(Contribution::points).sum();
    }

    RiskAssessment withLevel(RiskLevel newLevel, String action) {
        return new RiskAssessment(score, newLevel, contributions, dominant, action, daysToRenewal, assessedAt, baseline);
    }

    RiskAssessment asBaseline() {
        return new RiskAssessment(score, level, contributions, dominant, recommendedAction, daysToRenewal, assessedAt, true);
    }
}
