package io.viplane.notify;

import io.viplane.model.AtRiskAccount;
import io.viplane.model.Escalation;
import io.viplane.model.RoutedTicket;
import io.viplane.model.Tier;
import io.viplane.notify.channel.PagerDutyPayloads;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Builds notices from the pipeline's output records (pure). Ids are deterministic from the record,
 * so the delivery ledger recognises a record read twice (after a restart or a rebalance).
 *
 * <p>PagerDuty dedup keys: an SLA escalation (warning, breach, unassigned, follow-up) is keyed by
 * ticket and metric ({@code viplane/tkt-1/sla/FIRST_RESPONSE}), so the warning and the breach of one
 * clock are one alert and the metric's {@code MET} resolves it; any other escalation is keyed by its
 * own id (one alert per cause), resolved when the ticket is solved.
 */
public final class Notices {
    private static final Set<String> SLA_KINDS = Set.of("SLA_WARNING", "SLA_BREACH", "UNASSIGNED", "FOLLOW_UP_DUE");

    private Notices() {
    }

    public static Notice fromEscalation(Escalation e, TicketContext ctx) {
        String kind = e.getKind().name();
        String metric = evidenceValue(e.getEvidence(), "sla_metric");
        String subject = e.getTicketId() != null ? e.getTicketId() : e.getAccountId();
        String dedup = SLA_KINDS.contains(kind) && metric != null && e.getTicketId() != null
                ? slaDedupKey(e.getTicketId(), metric)
                : PagerDutyPayloads.boundedKey("viplane/" + subject + "/" + kind + "/" + e.getEscalationId());
        Instant due = parseInstant(evidenceValue(e.getEvidence(), "due_at"));
        return new Notice(e.getEscalationId(), Notice.Source.ESCALATION, kind, e.getTier().name(),
                ctx == null ? null : ctx.badge(), ctx == null ? null : ctx.priority(), e.getTarget().name(),
                e.getTicketId(), e.getAccountId(), e.getSummary(), e.getEvidence(), e.getRespondWithinMinutes(),
                e.getOccurredAt(), due,
                null, null, null,
                ctx == null ? null : ctx.arr(), ctx == null ? null : ctx.daysToRenewal(),
                ctx == null ? null : ctx.healthScore(), ctx == null ? null : ctx.churnRisk(), null, dedup);
    }

    public static Notice fromAtRisk(AtRiskAccount a) {
        String id = "at-risk/" + a.getAccountId() + "/" + a.getRiskLevel() + "/" + a.getOccurredAt().toEpochMilli();
        String summary = "Account " + a.getAccountId() + " is at " + a.getRiskLevel() + " churn risk (score "
                + a.getRiskScore() + "/100)";
        return new Notice(id, Notice.Source.AT_RISK, "AT_RISK", null, null, null, "CSM", null, a.getAccountId(),
                summary, a.getSignals(), null, a.getOccurredAt(), null,
                a.getRiskLevel().name(), a.getRiskScore(), a.getRecommendedAction(), a.getArr(), a.getDaysToRenewal(),
                null, null, a.getCsmId(), PagerDutyPayloads.boundedKey("viplane/" + a.getAccountId() + "/at-risk"));
    }

    /** A new VIP ticket (any tier but STANDARD) for the VIP pool's channel; null for STANDARD. */
    public static Notice fromRouted(RoutedTicket r) {
        if (r.getTier() == Tier.STANDARD) {
            return null;
        }
        TicketContext c = TicketContext.of(r);
        String summary = "New " + r.getTier() + " ticket " + r.getTicketId() + " (" + r.getPriority() + ") in queue "
                + r.getQueue() + (r.getSuggestedAgentId() == null ? "" : ", suggested agent " + r.getSuggestedAgentId());
        return new Notice("new-ticket/" + r.getTicketId(), Notice.Source.NEW_VIP_TICKET, "NEW_VIP_TICKET",
                r.getTier().name(), c.badge(), c.priority(), null, r.getTicketId(), r.getAccountId(), summary,
                List.of(), null, r.getDecidedAt(), r.getFirstResponseDue(), null, null, null, c.arr(),
                c.daysToRenewal(), c.healthScore(), c.churnRisk(), null,
                PagerDutyPayloads.boundedKey("viplane/" + r.getTicketId() + "/new"));
    }

    /** A PagerDuty resolve of the alert opened by notice {@code triggerId}. */
    public static Notice resolve(String triggerId, String dedupKey, String ticketId, String why, Instant at) {
        return new Notice("resolve/" + triggerId, Notice.Source.RESOLVE, "RESOLVE", null, null, null, null, ticketId,
                null, why, List.of(), null, at, null, null, null, null, null, null, null, null, null, dedupKey);
    }

    public static String slaDedupKey(String ticketId, String metric) {
        return PagerDutyPayloads.boundedKey("viplane/" + ticketId + "/sla/" + metric);
    }

    /** The value of a {@code key=value} evidence line, or null. */
    static String evidenceValue(List<String> evidence, String key) {
        String prefix = key + "=";
        for (String line : evidence) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        return null;
    }

    private static Instant parseInstant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
