package io.viplane.escalation;

import static io.viplane.escalation.Fixtures.CREATED;
import static io.viplane.escalation.Fixtures.RULES;
import static io.viplane.escalation.Fixtures.build;
import static io.viplane.escalation.Fixtures.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Unresolved after 2 hours" and the executive contact's 24-hour follow-up. */
class EscalationTimeRulesTest {

    /** The criterion applies to P1/P2 (executive_escalation.unresolved_priorities, issue 18). */
    private static EscalationFacts urgent(Tier tier, java.util.function.Consumer<EscalationFacts.Builder> change) {
        return build(tier, b -> {
            b.priority(io.viplane.model.PriorityLevel.P2);
            change.accept(b);
        });
    }

    @Test
    void aRoutineTicketOpenForTwoHoursPagesNobody() {
        EscalationFacts p3 = build(Tier.T1, b -> { });
        assertNull(RULES.nextWakeUp(p3));
        assertEquals(List.of(), RULES.onTimer(p3.at(TWO_HOURS)));
    }


    private static final Instant TWO_HOURS = CREATED.plus(Duration.ofMinutes(120));

    @Test
    void wakesUpAtTwoHoursForVipOnly() {
        assertEquals(TWO_HOURS, RULES.nextWakeUp(urgent(Tier.T1, b -> { })));
        assertNull(RULES.nextWakeUp(urgent(Tier.STANDARD, b -> { })));
        assertNull(RULES.nextWakeUp(urgent(Tier.T1, b -> b.closed(true).status(TicketStatus.SOLVED))));
    }

    @Test
    void unresolvedAfterTwoHoursGoesUpTheLadder() {
        EscalationFacts before = urgent(Tier.T2, b -> { }).at(TWO_HOURS.minusSeconds(1));
        assertEquals(List.of(), RULES.onTimer(before));
        List<Escalation> out = RULES.onTimer(before.at(TWO_HOURS));
        assertEquals(1, out.size());
        Escalation e = out.get(0);
        assertEquals(EscalationKind.EXECUTIVE_ESCALATION, e.getKind());
        assertEquals(EscalationTarget.SUPPORT_MANAGER, e.getTarget());
        assertEquals(30, e.getRespondWithinMinutes());
        assertEquals(TWO_HOURS, e.getOccurredAt());
        assertEquals(List.of("created_at=2026-01-16T14:00:00Z", "unresolved_after_minutes=120",
                "due_at=2026-01-16T16:00:00Z", "status=OPEN"), e.getEvidence());
        // a later timer or event for the same ticket yields the same id: the ledger will drop it
        assertEquals(e.getEscalationId(), RULES.onTimer(before.at(TWO_HOURS.plusSeconds(3600))).get(0).getEscalationId());
    }

    @Test
    void notWhenResolvedOrWaitingOnTheCustomer_butAtTheNextEventOnceReopened() {
        assertEquals(List.of(), RULES.onTimer(urgent(Tier.T1, b -> b.closed(true).status(TicketStatus.SOLVED)).at(TWO_HOURS)));
        assertEquals(List.of(), RULES.onTimer(urgent(Tier.T1, b -> b.status(TicketStatus.PENDING)).at(TWO_HOURS)));
        Instant later = TWO_HOURS.plus(Duration.ofMinutes(40));
        List<Escalation> reopened = of(RULES.onEvent(urgent(Tier.T1, b -> b.status(TicketStatus.OPEN)
                .previousStatus(TicketStatus.PENDING).event(io.viplane.model.TicketEventType.CUSTOMER_MESSAGE, "ev-r", later)
                .now(later))), EscalationKind.EXECUTIVE_ESCALATION);
        assertEquals(1, reopened.size());
        assertEquals(EscalationTarget.SUPPORT_VP, reopened.get(0).getTarget());
    }

    @Test
    void onHoldWithEngineeringStillCountsAsUnresolved() {
        // sample story "data migration": on hold with engineering after 2 hours is still our problem
        assertEquals(1, RULES.onTimer(urgent(Tier.T1, b -> b.status(TicketStatus.ON_HOLD)).at(TWO_HOURS)).size());
    }

    @Test
    void executiveContactFollowUpIsDueAfter24HoursWhateverTheResolution() {
        Instant day = CREATED.plus(Duration.ofHours(24));
        EscalationFacts f = urgent(Tier.T1, b -> b.executiveContact(true).closed(true).status(TicketStatus.CLOSED));
        assertEquals(day, RULES.nextWakeUp(f));
        List<Escalation> out = RULES.onTimer(f.at(day));
        assertEquals(1, out.size());
        assertEquals(EscalationKind.FOLLOW_UP_DUE, out.get(0).getKind());
        assertEquals(EscalationTarget.AGENT, out.get(0).getTarget());
        assertNull(RULES.nextWakeUp(f.at(day)));
    }

    @Test
    void nextWakeUpIsTheEarliestFutureOne() {
        EscalationFacts f = urgent(Tier.T1, b -> b.executiveContact(true));
        assertEquals(TWO_HOURS, RULES.nextWakeUp(f));
        assertEquals(CREATED.plus(Duration.ofHours(24)), RULES.nextWakeUp(f.at(TWO_HOURS)));
    }
}
