package io.viplane.routing;

import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import io.viplane.policy.Entitlement;
import io.viplane.policy.MatrixCell;
import io.viplane.policy.Policy;
import io.viplane.policy.PriorityScoring;
import io.viplane.policy.SlaOverride;
import io.viplane.sla.SlaTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Priority, queue and response targets of a ticket (POLICY.md §2-4). Pure: the same facts and
 * policy always give the same decision, so processors can recompute it whenever anything changes
 * and emit only when the outcome differs.
 *
 * <p>Priority: the help-desk priority mapped to P1-P4, raised by the renewal boost
 * ({@code renewal_boosts}) and by the fairness rule ({@code fairness}: a frustrated or extremely
 * negative customer of a protected tier gets temporary VIP handling); never above P1.
 *
 * <p>priority_score = severity(P) + tier + renewal boost + executive contact + negative sentiment
 * + churn risk + temporary VIP handling + waiting, where negative sentiment is linear from 0 at
 * score 0 to {@code negative_sentiment_points} at -1.0, and waiting grows linearly to
 * {@code waiting_points_at_max_wait} over the tier's max wait (so no ticket starves).
 *
 * <p>Queue, agent level, notify targets and the first-response target come from the tier x
 * priority cell of the escalation matrix ({@link Entitlement#cell}), using the final priority, so a
 * renewal boost or temporary VIP handling also moves the ticket to the stronger cell.
 */
public final class RoutingDecider {
    private final Policy policy;

    public RoutingDecider(Policy policy) {
        this.policy = policy;
    }

    public RoutingDecision decide(TicketFacts f, SlaTime slaTime) {
        Tier tier = f.tier().tier();
        Entitlement ent = policy.entitlement(tier);
        PriorityScoring scoring = policy.priorityScore();
        List<String> reasons = new ArrayList<>(f.tier().reasons());

        PriorityLevel base = policy.priorityOf(f.helpDeskPriority());
        PriorityScoring.RenewalBoost boost = renewalBoost(scoring, f.daysToRenewal());
        PriorityLevel renewed = raise(base, boost == null ? 0 : boost.raiseLevels());
        reasons.add("PRIORITY_" + base + ": help-desk " + (f.helpDeskPriority() == null
                ? "priority missing, NORMAL assumed" : f.helpDeskPriority().toString()));
        if (renewed != base) {
            reasons.add("PRIORITY_" + renewed + ": raised from " + base + ", renewal in " + f.daysToRenewal()
                    + " days (<= " + boost.withinDays() + ")");
        }
        String fairnessCause = fairnessCause(scoring.fairness(), tier, f);
        PriorityLevel priority = renewed;
        if (fairnessCause != null) {
            priority = raise(renewed, scoring.fairness().raiseLevels());
            reasons.add("TEMPORARY_VIP_HANDLING: " + tier + " customer " + fairnessCause + "; priority "
                    + (priority == renewed ? renewed + " (already highest)" : renewed + " -> " + priority));
        }

        double score = term(reasons, "severity " + priority, scoring.severity().get(priority));
        score += term(reasons, "tier " + tier, scoring.tier().get(tier));
        if (boost != null) {
            score += term(reasons, "renewal in " + f.daysToRenewal() + " days (<= " + boost.withinDays() + ")",
                    boost.points());
        }
        if (f.executiveContact()) {
            score += term(reasons, "executive contact", scoring.executiveContact());
        }
        score += sentimentTerm(scoring, f.sentimentScore(), reasons);
        if (f.churnRisk() != null && scoring.churnRisk().get(f.churnRisk()) != null) {
            score += term(reasons, "churn risk " + f.churnRisk(), scoring.churnRisk().get(f.churnRisk()));
        }
        if (fairnessCause != null) {
            score += term(reasons, "temporary VIP handling", scoring.fairness().points());
        }
        score += waitingTerm(f, ent, scoring, slaTime, reasons);

        MatrixCell cell = ent.cell(priority);
        String source = ent.hasCell(priority) ? tier + " " + priority + " cell" : tier + " pool";
        reasons.add("QUEUE " + cell.queue() + ": " + source);
        if (cell.agentLevel() != null) {
            reasons.add("AGENT_LEVEL " + cell.agentLevel() + "+: " + source);
        }
        List<EscalationTarget> notifyTargets = cell.notifyTargets().stream().distinct().sorted().toList();
        if (!notifyTargets.isEmpty()) {
            reasons.add("NOTIFY " + notifyTargets.stream().map(Enum::name).collect(Collectors.joining(", ")) + ": "
                    + source);
        }

        int frMinutes = firstResponseMinutes(f, tier, cell.firstResponseMinutes(), reasons);
        boolean awaitsFirst = !f.closed() && f.firstResponseAt() == null && f.createdAt() != null;
        boolean awaitsNext = !f.closed() && f.firstResponseAt() != null && f.oldestUnansweredAt() != null;
        if (awaitsFirst) {
            reasons.add("FIRST_RESPONSE " + frMinutes + " min, " + slaTime.describe() + ", from ticket creation");
        }
        if (awaitsNext) {
            reasons.add("NEXT_REPLY " + ent.nextReplyMinutes() + " min, " + slaTime.describe()
                    + ", from the oldest unanswered customer message");
        }
        // Which rules decided: the policy and its version (document.version), so a decision can be traced to the
        // document that was in force (viplane policy doc) when the rules change.
        reasons.add("POLICY " + policy.name() + (policy.document() == null ? "" : " " + policy.document().version()));
        return new RoutingDecision(tier, priority, round(score), cell.queue(), frMinutes, reasons,
                cell.agentLevel(), notifyTargets, fairnessCause != null);
    }

    /** Why the fairness rule applies to this ticket, or null when it does not. */
    static String fairnessCause(PriorityScoring.Fairness rule, Tier tier, TicketFacts f) {
        if (rule == null || !rule.tiers().contains(tier)) {
            return null;
        }
        List<String> causes = new ArrayList<>();
        if (Boolean.TRUE.equals(rule.whenFrustrated()) && f.frustrated()) {
            causes.add("frustrated");
        }
        if (rule.sentimentAtOrBelow() != null && f.sentimentScore() != null
                && f.sentimentScore() <= rule.sentimentAtOrBelow()) {
            causes.add("sentiment " + String.format(Locale.ROOT, "%.2f", f.sentimentScore()) + " <= "
                    + fmt(rule.sentimentAtOrBelow()));
        }
        return causes.isEmpty() ? null : String.join(", ", causes);
    }

    private static double sentimentTerm(PriorityScoring scoring, Double sentiment, List<String> reasons) {
        Double max = scoring.negativeSentimentPoints();
        if (max == null || sentiment == null || sentiment >= 0) {
            return 0;
        }
        double negativity = Math.min(1.0, -sentiment);
        return term(reasons, "negative sentiment " + String.format(Locale.ROOT, "%.2f", sentiment), max * negativity);
    }

    private int firstResponseMinutes(TicketFacts f, Tier tier, int cellMinutes, List<String> reasons) {
        int minutes = cellMinutes;
        for (SlaOverride o : policy.slaOverrides()) {
            boolean renewalOk = o.renewalWithinDays() == null
                    || (f.daysToRenewal() != null && f.daysToRenewal() >= 0 && f.daysToRenewal() <= o.renewalWithinDays());
            if (o.tiers().contains(tier) && renewalOk && o.firstResponseMinutes() < minutes) {
                int before = minutes;
                minutes = o.firstResponseMinutes();
                reasons.add("DYNAMIC_SLA " + (o.name() == null ? "override" : o.name()) + ": first response "
                        + minutes + " min instead of " + before
                        + (o.renewalWithinDays() == null ? "" : ", renewal in " + f.daysToRenewal() + " days"));
            }
        }
        return minutes;
    }

    private static double waitingTerm(TicketFacts f, Entitlement ent, PriorityScoring scoring, SlaTime slaTime,
                                      List<String> reasons) {
        var waitingSince = f.firstResponseAt() == null ? f.createdAt() : f.oldestUnansweredAt();
        if (f.closed() || waitingSince == null || scoring.waitingPointsAtMaxWait() == 0) {
            return 0;
        }
        long waited = slaTime.minutesBetween(waitingSince, f.now());
        if (waited <= 0) {
            return 0;
        }
        double share = Math.min(1.0, (double) waited / ent.maxWaitMinutes());
        return term(reasons, "waiting " + waited + " of " + ent.maxWaitMinutes() + " min max wait",
                scoring.waitingPointsAtMaxWait() * share);
    }

    static PriorityScoring.RenewalBoost renewalBoost(PriorityScoring scoring, Integer daysToRenewal) {
        if (daysToRenewal == null || daysToRenewal < 0) {
            return null;
        }
        for (PriorityScoring.RenewalBoost b : scoring.renewalBoosts()) {
            if (daysToRenewal <= b.withinDays()) {
                return b;
            }
        }
        return null;
    }

    static PriorityLevel raise(PriorityLevel p, int levels) {
        return PriorityLevel.values()[Math.max(0, p.ordinal() - levels)];
    }

    private static double term(List<String> reasons, String what, double points) {
        if (points != 0) {
            reasons.add("SCORE +" + fmt(points) + ": " + what);
        }
        return points;
    }

    private static double round(double d) {
        return Math.round(d * 10.0) / 10.0;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
