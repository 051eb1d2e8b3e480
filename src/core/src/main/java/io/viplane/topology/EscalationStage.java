package io.viplane.topology;

import io.viplane.classification.ExecutiveRoles;
import io.viplane.escalation.ChurnCue;
import io.viplane.escalation.EscalationFacts;
import io.viplane.escalation.EscalationRules;
import io.viplane.model.Contact;
import io.viplane.model.Escalation;
import io.viplane.model.EscalationTarget;
import io.viplane.model.TicketEvent;
import io.viplane.risk.AccountSignals;
import io.viplane.risk.SentimentJudge;
import io.viplane.risk.SentimentJudgement;
import io.viplane.routing.TicketState;
import io.viplane.sla.clock.SlaTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Gathers what the escalation rules need about a ticket and lets through only escalations not sent
 * before for this ticket (ids are deterministic from their cause, so a replay is recognised).
 */
final class EscalationStage {
    private static final StringSerializer KEYS = new StringSerializer();
    private final EscalationRules rules;
    private final SentimentJudge judge;
    private final AccountPartitionStores stores;

    EscalationStage(Rules rules, AccountPartitionStores stores) {
        this.rules = rules.escalations();
        this.judge = rules.judge();
        this.stores = stores;
    }

    EscalationFacts facts(TicketState s, TicketEvent e, Routing r, Instant now) {
        SentimentJudgement j = r.judgement();
        EscalationFacts.Builder b = EscalationFacts.builder(s.ticketId, r.decision().tier(), now)
                .accountId(s.accountId)
                .priority(r.decision().priority())
                .accountKnown(r.account() != null)
                .status(s.status)
                .previousStatus(movedStatus(s, e) ? s.previousStatus : s.status)
                .executiveContact(r.executiveContact())
                .customerConfirmed(s.customerConfirmedAt != null)
                .churn(s.churn.stream().map(f -> new ChurnCue(f.kind(), f.direct(), f.phrase())).toList())
                .sentiment(j.score(), j.extremelyNegative(), j.frustrated())
                .negativeTrend(negativeTrend(s, j, now))
                .createdAt(s.createdAt)
                .closed(s.isClosed())
                .notifyTargets(notify(r));
        if (e != null) {
            b.event(e.getType(), e.getEventId(), e.getOccurredAt())
                    .warmHandoff(e.getWarmHandoff())
                    .text(e.getSubject(), e.getBody())
                    .tags(e.getTags())
                    .requester(e.getRequesterEmail(), e.getRequesterName());
            if (personalAddress(e.getRequesterEmail())) {
                b.executiveContactNames(executiveNames(s.accountId, e.getRequesterName()));
            }
        }
        return b.build();
    }

    /**
     * The account's sustained negative trend, judged only while this ticket's own sentiment is negative
     * (a trend of other tickets says nothing about this one being escalated now); one store read then.
     */
    private String negativeTrend(TicketState s, SentimentJudgement j, Instant now) {
        if (!j.negative() || s.accountId == null) {
            return null;
        }
        AccountSignals a = stores.signals.get(s.accountId);
        return a == null ? null : judge.negativeTrend(a, now).orElse(null);
    }

    /** Only the event that changed the status is a transition; later events see the status unchanged. */
    private static boolean movedStatus(TicketState s, TicketEvent e) {
        return e != null && e.getStatus() != null && e.getOccurredAt().equals(s.statusAt);
    }

    List<Escalation> onEvent(TicketState s, EscalationFacts f) {
        return s.escalations.admit(rules.onEvent(f));
    }

    List<Escalation> onTimer(TicketState s, EscalationFacts f) {
        return s.escalations.admit(rules.onTimer(f));
    }

    List<Escalation> onSla(TicketState s, EscalationFacts f, List<SlaTransition> transitions) {
        List<Escalation> out = new ArrayList<>();
        for (SlaTransition t : transitions) {
            // Stamped with the transition's own time, not the moment the clock was looked at (which differs
            // between runs: a breach found by a later event or timer run is still the breach at its due time).
            Escalation esc = rules.forSla(f.now().equals(t.occurredAt()) ? f : f.at(t.occurredAt()), t.metric(), t.state(), t.cycleStart(), t.dueAt(), t.warningFraction(),
                    t.elapsedMinutes(), t.targetMinutes());
            if (esc != null) {
                out.add(esc);
            }
        }
        return s.escalations.admit(out);
    }

    Instant nextWakeUp(EscalationFacts f) {
        return rules.nextWakeUp(f);
    }

    private static Set<EscalationTarget> notify(Routing r) {
        List<EscalationTarget> targets = r.decision().notifyTargets();
        return targets.isEmpty() ? Set.of() : EnumSet.copyOf(targets);
    }

    /** The account's contacts are read only for a personal address: the one case their names matter. */
    private boolean personalAddress(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at >= 0 && rules.policy().possibleVipContact().isPersonalDomain(email.substring(at + 1));
    }

    /**
     * The executive names the requester is matched against: the ticket's own account's executives, and the
     * requester's own name when the cross-account index knows an executive of that name (an anonymous VIP
     * writes without, or with another, account). Used for matching only; they never leave this partition.
     */
    private Set<String> executiveNames(String accountId, String requesterName) {
        Set<String> names = new HashSet<>();
        if (accountId != null) {
            try (KeyValueIterator<String, Contact> it =
                         stores.contacts.prefixScan(Names.compositePrefix(accountId), KEYS)) {
                while (it.hasNext()) {
                    KeyValue<String, Contact> kv = it.next();
                    if (kv.value != null && kv.value.getName() != null && ExecutiveRoles.isExecutive(kv.value.getRole())) {
                        names.add(kv.value.getName());
                    }
                }
            }
        }
        if (requesterName != null && stores.executiveNamed(requesterName)) {
            names.add(requesterName);
        }
        return names;
    }
}
