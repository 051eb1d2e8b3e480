package io.viplane.policy;

import io.viplane.model.EscalationTarget;

/** First rung of the tier's escalation ladder: who is called, and how fast they must respond. */
public record Ladder(EscalationTarget target, int respondWithinMinutes) {
}
