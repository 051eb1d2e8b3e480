package io.viplane.escalation;

import static io.viplane.escalation.Drafter.draft;
import static io.viplane.escalation.Drafter.quote;

import io.viplane.escalation.EscalationPolicy.ExecutiveEscalation;
import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.SlaMetric;
import io.viplane.model.SlaState;
import io.viplane.model.TicketEventType;
import io.viplane.model.Tier;
import io.viplane.policy.Policy;
import io.viplane.signals.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The escalation rules of POLICY.md §1-4 as pure functions of {@link EscalationFacts}. The caller
 * publishes what it gets after {@link EscalationLedger#admit} has dropped what was already sent.
 *
 * <p><b>Cause keys.</b> {@code escalation_id} = {@link EscalationIds#of}(kind, ticket, target, cause key).
 * A condition that persists produces the same key (so the ledger suppresses it); a new cause a new one:
 * <ul>
 * <li>EXECUTIVE_ESCALATION: the criterion, once per ticket: {@code revenue_impact},
 *     {@code asks_for_manager}, {@code extremely_negative_sentiment}, {@code unresolved_after:<minutes>}.
 *     The target is part of the id, so a tier change re-escalates to the new rung of the ladder.</li>
 * <li>CSM_ALERT: {@code priority:<P1..P4>}: a ticket raised from P2 to P1 alerts again.</li>
 * <li>CHURN_SIGNAL: {@code churn:<DIRECT|INDIRECT>}, the strongest cue of the event: at most one
 *     direct and one indirect alert per ticket, whatever the number of messages.</li>
 * <li>NEGATIVE_SENTIMENT: {@code sentiment:<flag>} for VIP tiers, {@code fairness:<flag>} for STANDARD.</li>
 * <li>EXEC_CONTACT: {@code exec_contact}, one per target (CSM and ACCOUNT_MANAGER: distinct ids).</li>
 * <li>FOLLOW_UP_DUE: {@code exec_contact_follow_up} (24 h after an executive contact's ticket was
 *     created), or the SLA key below for the FOLLOW_UP clock.</li>
 * <li>POSSIBLE_VIP_CONTACT: {@code possible_vip_contact}, once per ticket.</li>
 * <li>ABUSIVE_CUSTOMER, CLOSED_WITHOUT_CONFIRMATION, TRANSFER_WITHOUT_HANDOFF: {@code event:<event_id>}:
 *     each flag, close or transfer is its own act (a repeat delivery of the same event is not).</li>
 * <li>SLA_WARNING, SLA_BREACH, UNASSIGNED, FOLLOW_UP_DUE from a clock:
 *     {@code sla:<metric>:<cycle start>:<state>:<warning fraction or ->}: every cycle of a clock
 *     (each next-reply wait) and each warning threshold is a new cause.</li>
 * </ul>
 *
 * <p>Escalations caused by an event carry its {@code occurred_at}; time-based ones carry {@code now}.
 * Targets that only exist for a known CRM account (CSM, ACCOUNT_MANAGER, EXEC_SPONSOR) are skipped
 * when the account is unknown: there is nobody to tell.
 */
public final class EscalationRules {
    private static final int QUOTE_MAX = 60;

    private final EscalationPolicy policy;

    public EscalationRules(EscalationPolicy policy) {
        this.policy = policy;
    }

    public static EscalationRules fromPolicy(Policy policy) {
        return new EscalationRules(EscalationPolicy.fromPolicy(policy));
    }

    public EscalationPolicy policy() {
        return policy;
    }

    /**
     * Escalations caused by the facts of this event. Also re-checks the time-based rules, so a
     * condition whose time passed while it did not apply (a PENDING ticket reopened after the
     * 2-hour mark) fires at the next event; the ledger drops what was already sent.
     */
    public List<Escalation> onEvent(EscalationFacts f) {
        List<Escalation> out = new ArrayList<>();
        executiveCriteria(f, out);
        csmAlert(f, out);
        churnSignal(f, out);
        negativeSentiment(f, out);
        execContact(f, out);
        possibleVipContact(f, out);
        abusiveCustomer(f, out);
        closedWithoutConfirmation(f, out);
        transferWithoutHandoff(f, out);
        out.addAll(onTimer(f));
        return List.copyOf(out);
    }

    /** Time-based escalations due at {@code f.now()}: unresolved after N minutes, executive follow-up. */
    public List<Escalation> onTimer(EscalationFacts f) {
        List<Escalation> out = new ArrayList<>();
        unresolved(f, out);
        execFollowUp(f, out);
        return List.copyOf(out);
    }

    /** The next instant strictly after {@code f.now()} at which {@link #onTimer} may fire; null if none. */
    public Instant nextWakeUp(EscalationFacts f) {
        Instant next = null;
        Instant unresolvedAt = unresolvedDue(f);
        if (unresolvedAt != null && !f.closed() && unresolvedAt.isAfter(f.now())) {
            next = unresolvedAt;
        }
        Instant followUpAt = execFollowUpDue(f);
        if (followUpAt != null && followUpAt.isAfter(f.now()) && (next == null || followUpAt.isBefore(next))) {
            next = followUpAt;
        }
        return next;
    }

    /**
     * The escalation for an SLA clock event, or null when the policy sends none: only WARNING and
     * BREACHED escalate; ASSIGNMENT breached is UNASSIGNED, FOLLOW_UP warning or breached is
     * FOLLOW_UP_DUE, other metrics are SLA_WARNING / SLA_BREACH as listed in the policy.
     */
    public Escalation forSla(EscalationFacts f, SlaMetric metric, SlaState state, Instant cycleStart,
                             Instant dueAt, Double warningFraction, long elapsedMinutes, long targetMinutes) {
        if (metric == null || (state != SlaState.WARNING && state != SlaState.BREACHED)) {
            return null;
        }
        EscalationKind kind;
        KindRule rule;
        if (metric == SlaMetric.FOLLOW_UP) {
            kind = EscalationKind.FOLLOW_UP_DUE;
            rule = policy.followUpDue();
        } else if (metric == SlaMetric.ASSIGNMENT && state == SlaState.BREACHED) {
            kind = EscalationKind.UNASSIGNED;
            rule = policy.unassigned();
        } else {
            EscalationPolicy.SlaKind sla = state == SlaState.WARNING ? policy.slaWarning() : policy.slaBreach();
            if (!sla.metrics().contains(metric)) {
                return null;
            }
            kind = state == SlaState.WARNING ? EscalationKind.SLA_WARNING : EscalationKind.SLA_BREACH;
            rule = sla.rule();
        }
        List<Recipient> to = recipients(rule, f);
        if (to.isEmpty()) {
            return null;
        }
        String fraction = state == SlaState.WARNING && warningFraction != null ? String.valueOf(warningFraction) : "-";
        String cause = "sla:" + metric + ":" + cycleStart + ":" + state + ":" + fraction;
        List<String> evidence = new ArrayList<>();
        evidence.add("sla_metric=" + metric);
        evidence.add("sla_state=" + state);
        if (cycleStart != null) {
            evidence.add("cycle_started_at=" + cycleStart);
        }
        if (dueAt != null) {
            evidence.add("due_at=" + dueAt);
        }
        if (state == SlaState.WARNING && warningFraction != null) {
            evidence.add("warning_at_fraction=" + warningFraction);
        }
        evidence.add("elapsed_minutes=" + elapsedMinutes);
        evidence.add("target_minutes=" + targetMinutes);
        String what = switch (kind) {
            case UNASSIGNED -> "still unassigned after " + elapsedMinutes + " min (target " + targetMinutes + ")";
            case FOLLOW_UP_DUE -> state == SlaState.WARNING ? "follow-up check due soon" : "follow-up check is overdue";
            case SLA_WARNING -> metricName(metric) + " SLA at risk (" + elapsedMinutes + " of " + targetMinutes + " min used)";
            default -> metricName(metric) + " SLA breached (" + elapsedMinutes + " min, target " + targetMinutes + ")";
        };
        return draft(f, kind, to.get(0), cause, what, true, evidence, f.now());
    }

    // ---- event rules ----

    private void executiveCriteria(EscalationFacts f, List<Escalation> out) {
        ExecutiveEscalation x = policy.executiveEscalation();
        List<Recipient> to = recipients(x.rule(), f);
        if (to.isEmpty()) {
            return;
        }
        boolean scanRevenue = x.revenueImpact().scans(f.eventType());
        boolean scanManager = x.asksForManager().scans(f.eventType());
        // normalized once for both phrase sets
        String text = scanRevenue || scanManager ? PhraseSet.normalizeText(text(f)) : null;
        Optional<String> revenueTag = f.tags().stream()
                .filter(t -> t != null && x.revenueTags().contains(t.trim().toLowerCase(Locale.ROOT))).findFirst();
        Optional<String> revenuePhrase = scanRevenue
                ? x.revenueImpact().phrases().firstMatchNormalized(text) : Optional.empty();
        if (revenueTag.isPresent() || revenuePhrase.isPresent()) {
            List<String> ev = new ArrayList<>();
            revenuePhrase.ifPresent(p -> ev.add("revenue_impact: phrase '" + p + "' in " + f.eventType()));
            revenueTag.ifPresent(t -> ev.add("revenue_impact: help-desk tag '" + t.trim().toLowerCase(Locale.ROOT) + "'"));
            emitAll(f, EscalationKind.EXECUTIVE_ESCALATION, to, "revenue_impact",
                    "executive escalation, issue affects a revenue-generating workflow", ev, f.eventTime(), out);
        }
        if (scanManager) {
            x.asksForManager().phrases().firstMatchNormalized(text).ifPresent(p -> emitAll(f,
                    EscalationKind.EXECUTIVE_ESCALATION, to, "asks_for_manager",
                    "executive escalation, customer asks for a manager or executive",
                    List.of("asks_for_manager: phrase '" + p + "' in " + f.eventType()), f.eventTime(), out));
        }
        if (x.extremelyNegativeSentiment() && f.extremelyNegative()) {
            emitAll(f, EscalationKind.EXECUTIVE_ESCALATION, to, "extremely_negative_sentiment",
                    "executive escalation, customer sentiment is extremely negative",
                    sentimentEvidence(f, SentimentFlag.EXTREMELY_NEGATIVE), f.eventTime(), out);
        }
    }

    private void csmAlert(EscalationFacts f, List<Escalation> out) {
        EscalationPolicy.CsmAlert c = policy.csmAlert();
        boolean byRule = c.rule().appliesTo(f.tier()) && f.priority() != null && c.priorities().contains(f.priority());
        boolean byMatrix = f.notifyTargets().contains(EscalationTarget.CSM);
        if (!byRule && !byMatrix) {
            return;
        }
        List<String> ev = new ArrayList<>();
        ev.add("priority=" + f.priority());
        if (byRule) {
            ev.add("rule: " + f.tier() + " ticket at " + c.priorities().stream().sorted().map(Enum::name)
                    .reduce((a, b) -> a + "/" + b).orElse(""));
        }
        if (byMatrix) {
            ev.add("routing matrix notifies CSM for " + f.tier() + " " + f.priority());
        }
        emitAll(f, EscalationKind.CSM_ALERT, knownAccountOnly(c.rule().to().forTier(f.tier()), f),
                "priority:" + f.priority(), "CSM alert, " + f.priority() + " issue on a " + f.tier() + " account",
                ev, f.eventTime(), out);
    }

    private void churnSignal(EscalationFacts f, List<Escalation> out) {
        EscalationPolicy.ChurnSignal c = policy.churnSignal();
        List<ChurnCue> cues = f.churn().stream().filter(cue -> c.kinds().contains(cue.kind())).toList();
        List<Recipient> to = recipients(c.rule(), f);
        if (cues.isEmpty() || to.isEmpty()) {
            return;
        }
        boolean direct = cues.stream().anyMatch(ChurnCue::direct);
        String strength = direct ? "DIRECT" : "INDIRECT";
        List<String> ev = new ArrayList<>();
        for (ChurnCue cue : cues) {
            ev.add("churn " + cue.kind() + (cue.direct() ? " (direct)" : " (indirect)") + ": "
                    + quote(cue.phrase(), QUOTE_MAX));
        }
        long kinds = cues.stream().map(ChurnCue::kind).distinct().count();
        emitAll(f, EscalationKind.CHURN_SIGNAL, to, "churn:" + strength,
                strength.toLowerCase(Locale.ROOT) + " churn signal in the customer's words (" + kinds + " kind"
                        + (kinds == 1 ? "" : "s") + ": " + cues.stream().map(ChurnCue::kind).distinct()
                        .map(SignalKind::name).reduce((a, b) -> a + ", " + b).orElse("") + ")",
                ev, f.eventTime(), out);
    }

    private void negativeSentiment(EscalationFacts f, List<Escalation> out) {
        if (f.tier() == Tier.STANDARD) {
            EscalationPolicy.Fairness fair = policy.fairness();
            if (!fair.standardEscalates()) {
                return;
            }
            List<Recipient> to = knownAccountOnly(fair.to().forTier(Tier.STANDARD), f);
            for (SentimentFlag flag : fair.when()) {
                if (has(f, flag)) {
                    List<String> ev = sentimentEvidence(f, flag);
                    ev.add("fairness: standard customers are escalated too (POLICY.md §3)");
                    emitAll(f, EscalationKind.NEGATIVE_SENTIMENT, to, "fairness:" + flag,
                            "standard customer is " + describe(flag) + " (fairness escalation)", ev, f.eventTime(), out);
                }
            }
            return;
        }
        EscalationPolicy.NegativeSentiment n = policy.negativeSentiment();
        List<Recipient> to = recipients(n.rule(), f);
        for (SentimentFlag flag : n.when()) {
            if (has(f, flag)) {
                emitAll(f, EscalationKind.NEGATIVE_SENTIMENT, to, "sentiment:" + flag,
                        "customer is " + describe(flag), sentimentEvidence(f, flag), f.eventTime(), out);
            }
        }
    }

    private void execContact(EscalationFacts f, List<Escalation> out) {
        EscalationPolicy.ExecContact x = policy.execContact();
        if (!f.executiveContact() || !f.accountKnown()) {
            return;
        }
        List<String> ev = new ArrayList<>();
        ev.add("requester is an executive contact of the account");
        Instant due = execFollowUpDue(f);
        if (due != null) {
            ev.add("follow_up_due_at=" + due);
        }
        emitAll(f, EscalationKind.EXEC_CONTACT, recipients(x.rule(), f), "exec_contact",
                "opened by an executive contact; route to the most senior available agent, follow up within "
                        + x.followUpAfterMinutes() + " min whatever the resolution", ev, f.eventTime(), out);
    }

    private void possibleVipContact(EscalationFacts f, List<Escalation> out) {
        EscalationPolicy.PossibleVipContact p = policy.possibleVipContact();
        if (f.executiveContact() || f.requesterEmail() == null || f.requesterName() == null) {
            return;
        }
        String email = f.requesterEmail().trim();
        int at = email.lastIndexOf('@');
        Optional<String> pattern = at < 0 ? Optional.empty() : p.personalPattern(email.substring(at + 1));
        if (pattern.isEmpty()) {
            return;
        }
        boolean nameMatches = f.executiveContactNames().stream().anyMatch(n -> NameMatch.same(n, f.requesterName()));
        if (!nameMatches) {
            return;
        }
        // Never say why the name matters (POLICY.md §1): no status, title or name, here or in evidence.
        List<String> ev = List.of("requester e-mail domain matches personal-domain entry " + pattern.get(),
                // Which account the match came from is left out too: it may not be the ticket's own.
                "requester name matches a contact on record");
        emitAll(f, EscalationKind.POSSIBLE_VIP_CONTACT, recipients(p.rule(), f), "possible_vip_contact",
                "requester wrote from a personal address and may be a known contact; verify identity, "
                        + "give elevated handling meanwhile", false, ev, f.eventTime(), out);
    }

    private void abusiveCustomer(EscalationFacts f, List<Escalation> out) {
        EscalationPolicy.AbusiveCustomer a = policy.abusiveCustomer();
        if (f.eventType() != TicketEventType.FLAGGED_ABUSIVE) {
            return;
        }
        List<Recipient> to = new ArrayList<>(recipients(a.rule(), f));
        if (f.executiveContact() && a.rule().appliesTo(f.tier())) {
            to.addAll(knownAccountOnly(a.executiveContactTo().forTier(f.tier()), f));
        }
        emitAll(f, EscalationKind.ABUSIVE_CUSTOMER, to, eventCause(f),
                "agent flagged the customer as abusive; manager review", eventEvidence(f), f.eventTime(), out);
    }

    private void closedWithoutConfirmation(EscalationFacts f, List<Escalation> out) {
        EscalationPolicy.ClosedWithoutConfirmation c = policy.closedWithoutConfirmation();
        boolean closing = f.eventType() != null && f.status() != null && c.closingStatuses().contains(f.status())
                && (f.previousStatus() == null || !c.closingStatuses().contains(f.previousStatus()));
        if (!closing || f.customerConfirmed()) {
            return;
        }
        List<String> ev = eventEvidence(f);
        ev.add("status " + f.previousStatus() + " -> " + f.status() + " with no customer confirmation");
        emitAll(f, EscalationKind.CLOSED_WITHOUT_CONFIRMATION, recipients(c.rule(), f), eventCause(f),
                "closed without the customer's confirmation (prohibited)", ev, f.eventTime(), out);
    }

    private void transferWithoutHandoff(EscalationFacts f, List<Escalation> out) {
        if (f.eventType() != TicketEventType.TRANSFERRED || Boolean.TRUE.equals(f.warmHandoff())) {
            return;
        }
        List<String> ev = eventEvidence(f);
        ev.add("warm_handoff=" + f.warmHandoff());
        emitAll(f, EscalationKind.TRANSFER_WITHOUT_HANDOFF, recipients(policy.transferWithoutHandoff(), f),
                eventCause(f), "transferred without a warm handoff (prohibited)", ev, f.eventTime(), out);
    }

    // ---- time rules ----

    private Instant unresolvedDue(EscalationFacts f) {
        ExecutiveEscalation x = policy.executiveEscalation();
        if (f.createdAt() == null || !x.rule().appliesTo(f.tier())
                || f.priority() == null || !x.unresolvedPriorities().contains(f.priority())) {
            return null;
        }
        return f.createdAt().plus(Duration.ofMinutes(x.unresolvedAfterMinutes()));
    }

    private void unresolved(EscalationFacts f, List<Escalation> out) {
        ExecutiveEscalation x = policy.executiveEscalation();
        Instant due = unresolvedDue(f);
        if (due == null || f.closed() || f.now().isBefore(due)
                || (f.status() != null && x.unresolvedPausedStatuses().contains(f.status()))) {
            return;
        }
        List<String> ev = List.of("created_at=" + f.createdAt(), "unresolved_after_minutes=" + x.unresolvedAfterMinutes(),
                "due_at=" + due, "status=" + f.status());
        emitAll(f, EscalationKind.EXECUTIVE_ESCALATION, recipients(x.rule(), f),
                "unresolved_after:" + x.unresolvedAfterMinutes(),
                "executive escalation, unresolved after " + x.unresolvedAfterMinutes() + " min", ev, firedAt(f, due), out);
    }

    private Instant execFollowUpDue(EscalationFacts f) {
        EscalationPolicy.ExecContact x = policy.execContact();
        if (!f.executiveContact() || !f.accountKnown() || f.createdAt() == null || !x.rule().appliesTo(f.tier())) {
            return null;
        }
        return f.createdAt().plus(Duration.ofMinutes(x.followUpAfterMinutes()));
    }

    private void execFollowUp(EscalationFacts f, List<Escalation> out) {
        Instant due = execFollowUpDue(f);
        if (due == null || f.now().isBefore(due)) {
            return;
        }
        List<String> ev = List.of("created_at=" + f.createdAt(),
                "follow_up_after_minutes=" + policy.execContact().followUpAfterMinutes(), "due_at=" + due,
                "resolved=" + f.closed());
        emitAll(f, EscalationKind.FOLLOW_UP_DUE, knownAccountOnly(policy.followUpDue().to().forTier(f.tier()), f),
                "exec_contact_follow_up", "follow-up with the executive contact is due", ev, firedAt(f, due), out);
    }

    // ---- helpers ----

    /**
     * When a time-based condition became true: its due time, or the event that made it apply later (a ticket
     * reopened after the 2-hour mark). Never the moment a timer happened to run: that differs from run to run.
     */
    private static Instant firedAt(EscalationFacts f, Instant due) {
        Instant event = f.occurredAt();
        return event != null && event.isAfter(due) ? event : due;
    }

    private static List<Recipient> recipients(KindRule rule, EscalationFacts f) {
        return knownAccountOnly(rule.recipients(f.tier()), f);
    }

    private static List<Recipient> knownAccountOnly(List<Recipient> to, EscalationFacts f) {
        return f.accountKnown() ? to : to.stream().filter(r -> !r.needsKnownAccount()).toList();
    }

    private static void emitAll(EscalationFacts f, EscalationKind kind, List<Recipient> to, String cause, String what,
                                List<String> evidence, Instant at, List<Escalation> out) {
        emitAll(f, kind, to, cause, what, true, evidence, at, out);
    }

    private static void emitAll(EscalationFacts f, EscalationKind kind, List<Recipient> to, String cause, String what,
                                boolean showTier, List<String> evidence, Instant at, List<Escalation> out) {
        for (Recipient r : to) {
            out.add(draft(f, kind, r, cause, what, showTier, evidence, at));
        }
    }

    private static String text(EscalationFacts f) {
        String s = f.subject() == null ? "" : f.subject();
        String b = f.body() == null ? "" : f.body();
        return s + "\n" + b;
    }

    private static boolean has(EscalationFacts f, SentimentFlag flag) {
        return switch (flag) {
            case FRUSTRATED -> f.frustrated();
            case EXTREMELY_NEGATIVE -> f.extremelyNegative();
            case NEGATIVE_TREND -> f.negativeTrend() != null;
        };
    }

    private static String describe(SentimentFlag flag) {
        return switch (flag) {
            case FRUSTRATED -> "frustrated";
            case EXTREMELY_NEGATIVE -> "extremely negative";
            case NEGATIVE_TREND -> "negative again and again (sustained negative trend)";
        };
    }

    private static List<String> sentimentEvidence(EscalationFacts f, SentimentFlag flag) {
        List<String> ev = new ArrayList<>();
        ev.add("sentiment_flag=" + flag);
        if (f.sentimentScore() != null) {
            ev.add("sentiment_score=" + f.sentimentScore());
        }
        if (flag == SentimentFlag.NEGATIVE_TREND && f.negativeTrend() != null) {
            ev.add("sentiment_trend: " + f.negativeTrend());
        }
        return ev;
    }

    private static String eventCause(EscalationFacts f) {
        return "event:" + (f.eventId() != null ? f.eventId() : f.eventType() + "@" + f.eventTime());
    }

    private static List<String> eventEvidence(EscalationFacts f) {
        List<String> ev = new ArrayList<>();
        ev.add("event " + f.eventType() + " at " + f.eventTime());
        if (f.eventId() != null) {
            ev.add("event_id=" + f.eventId());
        }
        return ev;
    }

    private static String metricName(SlaMetric m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
