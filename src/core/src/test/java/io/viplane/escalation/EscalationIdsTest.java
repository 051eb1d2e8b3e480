package io.viplane.escalation;

import static io.viplane.escalation.Fixtures.EVENT_AT;
import static io.viplane.escalation.Fixtures.RULES;
import static io.viplane.escalation.Fixtures.build;
import static io.viplane.escalation.Fixtures.firstId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.TicketEventType;
import io.viplane.model.Tier;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** escalation_id is a function of kind, ticket, target and cause: replay-stable, cause-sensitive. */
class EscalationIdsTest {

    @Test
    void isANameBasedUuidOfItsParts() {
        String id = EscalationIds.of(EscalationKind.CSM_ALERT, "T-1", EscalationTarget.CSM, "priority:P1");
        assertEquals(3, UUID.fromString(id).version());
        // computed independently: the documented name, hashed the RFC 4122 v3 way
        assertEquals(UUID.nameUUIDFromBytes("viplane.escalation|CSM_ALERT|T-1|CSM|priority:P1"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), id);
    }

    @Test
    void sameFactsSameRecords() {
        EscalationFacts f = build(Tier.T2, b -> b.event(TicketEventType.TRANSFERRED, "ev-t", EVENT_AT).warmHandoff(false));
        List<Escalation> a = RULES.onEvent(f);
        List<Escalation> b = RULES.onEvent(build(Tier.T2, x -> x.event(TicketEventType.TRANSFERRED, "ev-t", EVENT_AT)
                .warmHandoff(false)));
        assertEquals(a, b);
    }

    @Test
    void differentTicketOrKindOrTargetOrCauseDifferentId() {
        String base = EscalationIds.of(EscalationKind.SLA_BREACH, "T-1", EscalationTarget.SUPPORT_VP, "c");
        assertNotEquals(base, EscalationIds.of(EscalationKind.SLA_BREACH, "T-2", EscalationTarget.SUPPORT_VP, "c"));
        assertNotEquals(base, EscalationIds.of(EscalationKind.SLA_WARNING, "T-1", EscalationTarget.SUPPORT_VP, "c"));
        assertNotEquals(base, EscalationIds.of(EscalationKind.SLA_BREACH, "T-1", EscalationTarget.TEAM_LEAD, "c"));
        assertNotEquals(base, EscalationIds.of(EscalationKind.SLA_BREACH, "T-1", EscalationTarget.SUPPORT_VP, "d"));
    }

    @Test
    void aDifferentTransferEventIsADifferentCause() {
        String one = firstId(Tier.T2, b -> b.event(TicketEventType.TRANSFERRED, "ev-t1", EVENT_AT));
        String two = firstId(Tier.T2, b -> b.event(TicketEventType.TRANSFERRED, "ev-t2", EVENT_AT));
        assertNotEquals(one, two);
    }
}
