package io.viplane.escalation;

import static io.viplane.escalation.Fixtures.EVENT_AT;
import static io.viplane.escalation.Fixtures.RULES;
import static io.viplane.escalation.Fixtures.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.PriorityLevel;
import io.viplane.model.TicketEventType;
import io.viplane.model.Tier;
import io.viplane.topology.StateSerdes;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The per-ticket memory of what was sent: repeats are dropped, new causes pass, state survives CBOR. */
class EscalationLedgerTest {

    private static final Serde<EscalationLedger> SERDE = StateSerdes.cbor(EscalationLedger.class);

    @Test
    void aPersistingConditionDoesNotRefire_aNewCauseDoes() {
        EscalationLedger ledger = new EscalationLedger();
        // a T1 P2 ticket: CSM alert on the first event...
        List<Escalation> first = ledger.admit(RULES.onEvent(build(Tier.T1, b -> b.priority(PriorityLevel.P2))));
        assertEquals(1, first.size());
        // ...the same condition on the next events sends nothing...
        for (int i = 0; i < 3; i++) {
            String id = "ev-" + (10 + i);
            java.time.Instant at = EVENT_AT.plusSeconds(60L * i);
            assertEquals(List.of(), ledger.admit(RULES.onEvent(build(Tier.T1, b -> b.priority(PriorityLevel.P2)
                    .event(TicketEventType.AGENT_REPLY, id, at)))));
        }
        // ...a replay of the very first event neither...
        assertEquals(List.of(), ledger.admit(RULES.onEvent(build(Tier.T1, b -> b.priority(PriorityLevel.P2)))));
        // ...but a new cause (the customer asks for a manager) does, once.
        List<Escalation> manager = ledger.admit(RULES.onEvent(build(Tier.T1, b -> b.priority(PriorityLevel.P2)
                .text(null, "Please let me talk to a manager."))));
        assertEquals(1, manager.size());
        assertEquals(EscalationKind.EXECUTIVE_ESCALATION, manager.get(0).getKind());
        assertEquals(2, ledger.size());
    }

    @Test
    void survivesACborRoundTripAndKeepsSuppressing() {
        EscalationLedger ledger = new EscalationLedger();
        assertTrue(ledger.firstTime("a"));
        assertTrue(ledger.firstTime("b"));
        byte[] bytes = SERDE.serializer().serialize("t", ledger);
        EscalationLedger back = SERDE.deserializer().deserialize("t", bytes);
        assertEquals(List.of("a", "b"), back.sent);
        assertFalse(back.firstTime("a"));
        assertFalse(back.firstTime("b"));
        assertTrue(back.firstTime("c"));
        // and once more, after having been used
        EscalationLedger again = SERDE.deserializer().deserialize("t", SERDE.serializer().serialize("t", back));
        assertEquals(List.of("a", "b", "c"), again.sent);
        assertFalse(again.firstTime("c"));
    }

    @Test
    void readsStateWithUnknownFieldsFromANewerVersion() throws Exception {
        byte[] newer = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper()
                .writeValueAsBytes(java.util.Map.of("sent", List.of("x"), "added_later", 7));
        EscalationLedger back = SERDE.deserializer().deserialize("t", newer);
        assertFalse(back.firstTime("x"));
    }

    @Test
    void isBoundedOldestForgottenFirst() {
        EscalationLedger ledger = new EscalationLedger();
        for (int i = 0; i < EscalationLedger.CAPACITY + 10; i++) {
            assertTrue(ledger.firstTime("id-" + i));
        }
        assertEquals(EscalationLedger.CAPACITY, ledger.size());
        assertFalse(ledger.firstTime("id-" + (EscalationLedger.CAPACITY + 9)));   // newest kept
        assertFalse(ledger.firstTime("id-10"));                                    // oldest kept one
        assertTrue(ledger.firstTime("id-0"));                                      // forgotten
    }
}
