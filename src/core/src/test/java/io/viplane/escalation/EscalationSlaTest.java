package io.viplane.escalation;

import static io.viplane.escalation.Fixtures.CREATED;
import static io.viplane.escalation.Fixtures.RULES;
import static io.viplane.escalation.Fixtures.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.SlaMetric;
import io.viplane.model.SlaState;
import io.viplane.model.Tier;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SLA clock events mapped to SLA_WARNING / SLA_BREACH / UNASSIGNED / FOLLOW_UP_DUE. */
class EscalationSlaTest {

    private static final Instant DUE = CREATED.plusSeconds(15 * 60);

    private static Escalation sla(Tier tier, SlaMetric metric, SlaState state, Double fraction) {
        return RULES.forSla(build(tier, b -> b.now(DUE)), metric, state, CREATED, DUE, fraction, 22, 15);
    }

    @Test
    void t1FirstResponseBreachGoesToTheSupportVp() {
        // seed 000: "Never make VIP wait >15 minutes for acknowledgment (Tier 1)"; ladder T1 = Support VP, 15 min
        Escalation e = sla(Tier.T1, SlaMetric.FIRST_RESPONSE, SlaState.BREACHED, null);
        assertEquals(EscalationKind.SLA_BREACH, e.getKind());
        assertEquals(EscalationTarget.SUPPORT_VP, e.getTarget());
        assertEquals(15, e.getRespondWithinMinutes());
        assertTrue(e.getEvidence().contains("elapsed_minutes=22"));
        assertTrue(e.getEvidence().contains("target_minutes=15"));
        assertTrue(e.getSummary().contains("first response SLA breached (22 min, target 15)"), e.getSummary());
    }

    @Test
    void warningsGoUpTheLadderToo() {
        Escalation e = sla(Tier.T3, SlaMetric.NEXT_REPLY, SlaState.WARNING, 0.8);
        assertEquals(EscalationKind.SLA_WARNING, e.getKind());
        assertEquals(EscalationTarget.TEAM_LEAD, e.getTarget());
        assertTrue(e.getEvidence().contains("warning_at_fraction=0.8"));
    }

    @Test
    void assignmentBreachIsUnassigned() {
        Escalation e = sla(Tier.T2, SlaMetric.ASSIGNMENT, SlaState.BREACHED, null);
        assertEquals(EscalationKind.UNASSIGNED, e.getKind());
        assertEquals(EscalationTarget.SUPPORT_MANAGER, e.getTarget());
        Escalation standard = sla(Tier.STANDARD, SlaMetric.ASSIGNMENT, SlaState.BREACHED, null);
        assertEquals(EscalationTarget.TEAM_LEAD, standard.getTarget());
        assertEquals(120, standard.getRespondWithinMinutes());
    }

    @Test
    void followUpClockIsFollowUpDueForVipOnly() {
        assertEquals(EscalationKind.FOLLOW_UP_DUE, sla(Tier.T1, SlaMetric.FOLLOW_UP, SlaState.WARNING, 0.9).getKind());
        assertEquals(EscalationKind.FOLLOW_UP_DUE, sla(Tier.T1, SlaMetric.FOLLOW_UP, SlaState.BREACHED, null).getKind());
        assertNull(sla(Tier.STANDARD, SlaMetric.FOLLOW_UP, SlaState.BREACHED, null));
    }

    @ParameterizedTest
    @EnumSource(value = SlaState.class, names = {"STARTED", "PAUSED", "RESUMED", "MET"})
    void otherStatesSendNothing(SlaState state) {
        assertNull(sla(Tier.T1, SlaMetric.FIRST_RESPONSE, state, null));
    }

    @Test
    void eachCycleAndThresholdIsANewCause() {
        Escalation w80 = sla(Tier.T1, SlaMetric.NEXT_REPLY, SlaState.WARNING, 0.8);
        Escalation w80again = sla(Tier.T1, SlaMetric.NEXT_REPLY, SlaState.WARNING, 0.8);
        Escalation w90 = sla(Tier.T1, SlaMetric.NEXT_REPLY, SlaState.WARNING, 0.9);
        Escalation breach = sla(Tier.T1, SlaMetric.NEXT_REPLY, SlaState.BREACHED, null);
        Escalation nextCycle = RULES.forSla(build(Tier.T1, b -> { }), SlaMetric.NEXT_REPLY, SlaState.WARNING,
                CREATED.plusSeconds(3600), DUE.plusSeconds(3600), 0.8, 24, 30);
        assertEquals(w80.getEscalationId(), w80again.getEscalationId());
        assertNotEquals(w80.getEscalationId(), w90.getEscalationId());
        assertNotEquals(w80.getEscalationId(), breach.getEscalationId());
        assertNotEquals(w80.getEscalationId(), nextCycle.getEscalationId());
    }

    @Test
    void aTierChangeMovesTheBreachToTheNewRung() {
        Escalation t2 = sla(Tier.T2, SlaMetric.RESOLUTION, SlaState.BREACHED, null);
        Escalation t1 = sla(Tier.T1, SlaMetric.RESOLUTION, SlaState.BREACHED, null);
        assertNotNull(t2);
        assertNotEquals(t2.getEscalationId(), t1.getEscalationId());
    }
}
