package io.viplane.routing;

import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import io.viplane.policy.Entitlement;
import io.viplane.policy.Policy;
import io.viplane.policy.PriorityScoring;
import io.viplane.policy.SlaOverride;
import io.viplane.sla.SlaTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Priority, queue and response targets of a ticket (POLICY.md §2-4). Pure: the same facts and
 * policy always give the same decision, so processors can recompute it whenever anything changes
 * and emit only when the outcome differs.
 *
 * <p>priority_score = severity(P) + tier + renewal boost + executive contact + waiting, where
 * waiting grows linearly to {@code waiting_points_at_max_wait} over the tier's max wait.
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
        PriorityLevel priority = raise(base, boost == null ? 0 : boost.raiseLevels());
        reasons.add("PRIORITY_" + priority + ": help-desk " + (f.helpDeskPriority() == null
                ? "priority missing, NORMAL assumed" : f.helpDeskPriority().toString()));
        if (priority != base) {
            reasons.add("PRIORITY_" + priority + ": raised from " + base + ", renewal in " + f.daysToRenewal()
                    + " days (<= " + boost.withinDays() + ")");
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
        score += waitingTerm(f, ent, scoring, slaTime, reasons);

        reasons.add("QUEUE " + ent.queue() + ": " + tier + " pool");

        int frMinutes = firstResponseMinutes(f, tier, ent, reasons);
        var firstDue = f.closed() || f.firstResponseAt() != null || f.createdAt() == null ? null
                : slaTime.plusMinutes(f.createdAt(), frMinutes);
        var nextDue = f.closed() || f.firstResponseAt() == null || f.oldestUnansweredAt() == null ? null
                : slaTime.plusMinutes(f.oldestUnansweredAt(), ent.nextReplyMinutes());
        if (firstDue != null) {
            reasons.add("FIRST_RESPONSE " + frMinutes + " min, " + slaTime.describe() + ", from ticket creation");
        }
        if (nextDue != null) {
            reasons.add("NEXT_REPLY " + ent.nextReplyMinutes() + " min, " + slaTime.describe()
                    + ", from the oldest unanswered customer message");
        }
        return new RoutingDecision(tier, priority, round(score), ent.queue(), firstDue, nextDue, frMinutes, reasons);
    }

    private int firstResponseMinutes(TicketFacts f, Tier tier, Entitlement ent, List<String> reasons) {
        int minutes = ent.firstResponseMinutes();
        for (SlaOverride o : policy.slaOverrides()) {
            boolean renewalOk = o.renewalWithinDays() == null
                    || (f.daysToRenewal() != null && f.daysToRenewal() >= 0 && f.daysToRenewal() <= o.renewalWithinDays());
            if (o.tiers().contains(tier) && renewalOk && o.firstResponseMinutes() < minutes) {
                minutes = o.firstResponseMinutes();
                reasons.add("DYNAMIC_SLA " + (o.name() == null ? "override" : o.name()) + ": first response "
                        + minutes + " min instead of " + ent.firstResponseMinutes()
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
