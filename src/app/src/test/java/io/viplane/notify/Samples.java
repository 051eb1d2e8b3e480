package io.viplane.notify;

import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.Escalation;
import io.viplane.model.Tier;
import java.time.Instant;
import java.util.List;

/** Sample notices and escalations for the notifier's tests (no personal data, as in production). */
public final class Samples {
    private Samples() {
    }

    public static Escalation escalation(String id, String ticket, Tier tier, EscalationKind kind, EscalationTarget target,
                                        List<String> evidence, Instant at) {
        return Escalation.newBuilder().setEscalationId(id).setTicketId(ticket).setAccountId("acc-" + ticket)
                .setTier(tier).setKind(kind).setTarget(target).setRespondWithinMinutes(15)
                .setSummary(tier + " ticket " + ticket + ": " + kind.name().toLowerCase().replace('_', ' '))
                .setEvidence(evidence).setOccurredAt(at).build();
    }

    public static Notice breach(String ticket, Tier tier) {
        Instant at = Instant.parse("2026-01-14T15:00:00Z");
        return Notices.fromEscalation(escalation("esc-" + ticket, ticket, tier, EscalationKind.SLA_BREACH,
                EscalationTarget.SUPPORT_VP, List.of("sla_metric=FIRST_RESPONSE", "sla_state=BREACHED",
                        "due_at=2026-01-14T15:00:00Z", "elapsed_minutes=15", "target_minutes=15"), at), null);
    }

    public static Notice withEvidence(Notice n, List<String> evidence) {
        return new Notice(n.id(), n.source(), n.kind(), n.tier(), n.badge(), n.priority(), n.target(), n.ticketId(),
                n.accountId(), n.summary(), evidence, n.respondWithinMinutes(), n.occurredAt(), n.slaDueAt(),
                n.riskLevel(), n.riskScore(), n.recommendedAction(), n.arr(), n.daysToRenewal(), n.healthScore(),
                n.churnRisk(), n.csmId(), n.dedupKey());
    }
}
