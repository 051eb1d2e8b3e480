package io.viplane.escalation;

import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Escalation ids are name-based UUIDs (RFC 4122 version 3) of kind, ticket, target and cause key,
 * so the same cause always yields the same id: replays and restarts reproduce it, and the
 * {@link EscalationLedger} can tell a persisting condition from a new cause.
 */
public final class EscalationIds {
    private static final String NAMESPACE = "viplane.escalation";

    private EscalationIds() {
    }

    public static String of(EscalationKind kind, String ticketId, EscalationTarget target, String causeKey) {
        String name = NAMESPACE + "|" + kind + "|" + ticketId + "|" + target + "|" + causeKey;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
