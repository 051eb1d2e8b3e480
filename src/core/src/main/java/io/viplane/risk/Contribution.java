package io.viplane.risk;

import java.util.Objects;

/**
 * One reason an account's risk score went up: the signal, the points it added and short
 * evidence ("health 48 < 65", "competitor mention: Kestrel Desk"). Evidence never carries a
 * ticket body or a person's name; at most a matched churn phrase.
 */
public record Contribution(RiskSignal signal, int points, String evidence) {

    public Contribution {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(evidence, "evidence");
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative: " + points);
        }
    }

    /** As published in {@code AtRiskAccount.signals}: {@code CHURN_DIRECT +25: evaluating alternatives}. */
    public String label() {
        return signal + " +" + points + ": " + evidence;
    }
}
