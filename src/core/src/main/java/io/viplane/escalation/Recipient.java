package io.viplane.escalation;

import io.viplane.model.EscalationTarget;
import java.util.Objects;

/** Who must act on an escalation and how fast. */
public record Recipient(EscalationTarget target, int respondWithinMinutes) {
    public Recipient {
        Objects.requireNonNull(target, "target");
        if (respondWithinMinutes <= 0) {
            throw new IllegalArgumentException("respondWithinMinutes must be > 0");
        }
    }

    /** Targets that exist only for a known CRM account (nobody to tell otherwise). */
    boolean needsKnownAccount() {
        return target == EscalationTarget.CSM || target == EscalationTarget.ACCOUNT_MANAGER
                || target == EscalationTarget.EXEC_SPONSOR;
    }
}
