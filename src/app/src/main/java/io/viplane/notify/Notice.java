package io.viplane.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One thing to tell people, normalised from an output topic record. It carries only what the
 * pipeline already published without personal data (ids, tier, kind, the one-line summary, evidence,
 * account figures): never a ticket body, a name or an e-mail address, and this class adds none.
 *
 * @param id        ledger id, deterministic from the source record (the escalation id, or derived
 *                  from the at-risk record / routed ticket), so a re-read record maps to the same deliveries
 * @param dedupKey  PagerDuty dedup_key: stable per cause, so a resolve can find its trigger
 * @param slaDueAt  when the SLA clock behind this notice is due (SLA kinds, new tickets), else null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // held notices are read back by later versions
public record Notice(
        String id,
        Source source,
        String kind,
        String tier,
        String badge,
        String priority,
        String target,
        String ticketId,
        String accountId,
        String summary,
        List<String> evidence,
        Integer respondWithinMinutes,
        Instant occurredAt,
        Instant slaDueAt,
        String riskLevel,
        Integer riskScore,
        String recommendedAction,
        Double arr,
        Integer daysToRenewal,
        Integer healthScore,
        String churnRisk,
        String csmId,
        String dedupKey) {

    /** Which output topic the notice came from (RESOLVE: an SLA met or a ticket solved). */
    public enum Source { ESCALATION, AT_RISK, NEW_VIP_TICKET, RESOLVE }

    public Notice {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A short human label: "T1 SLA_BREACH tkt-42" / "HIGH at-risk acc-7". */
    public String label() {
        return switch (source) {
            case AT_RISK -> riskLevel + " at-risk " + accountId;
            case RESOLVE -> "resolve " + dedupKey;
            case NEW_VIP_TICKET -> tier + " new ticket " + ticketId;
            case ESCALATION -> tier + " " + kind + " " + (ticketId != null ? ticketId : accountId);
        };
    }
}
