package io.viplane.sla.clock;

import static io.viplane.sla.clock.Fixtures.SLA;
import static io.viplane.sla.clock.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.model.PriorityLevel;
import io.viplane.model.SlaMetric;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import io.viplane.policy.PolicyException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {
    private static SlaTicket t(Tier tier, PriorityLevel p) {
        return Fixtures.ticket(tier, "10:00").priority(p).build();
    }

    @Test
    void shippedPolicyBindsEveryMeasuredMetric() {
        assertEquals(List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.NEXT_REPLY, SlaMetric.ASSIGNMENT,
                SlaMetric.RESOLUTION_SUMMARY, SlaMetric.FOLLOW_UP), List.copyOf(SLA.metrics().keySet()));
        assertFalse(SLA.metrics().containsKey(SlaMetric.RESOLUTION), "seed 000 sets no resolution target");
        assertEquals(Set.of(TicketStatus.SOLVED, TicketStatus.CLOSED), SLA.resolvedStatuses());
        assertEquals(SlaPolicy.MetAfterBreach.EMIT, SLA.metAfterBreach());
        MetricRule fr = SLA.metrics().get(SlaMetric.FIRST_RESPONSE);
        assertEquals(Set.of(TicketStatus.PENDING), fr.pauseStatuses());
        assertEquals(List.of(0.75), fr.warningFractions());
        assertEquals(MetricRule.Clock.ALWAYS, SLA.metrics().get(SlaMetric.FOLLOW_UP).clock());
        assertEquals(120, SLA.metrics().get(SlaMetric.FOLLOW_UP).metNotBeforeMinutes());
    }

    @Test
    void targetsFollowTierAndPriority() {
        MetricRule nr = SLA.metrics().get(SlaMetric.NEXT_REPLY);
        assertEquals(30, nr.targetFor(t(Tier.T3, PriorityLevel.P4)));
        assertEquals(240, nr.targetFor(t(Tier.STANDARD, PriorityLevel.P1)));
        MetricRule rs = SLA.metrics().get(SlaMetric.RESOLUTION_SUMMARY);
        assertEquals(120, rs.targetFor(t(Tier.T2, PriorityLevel.P3)));
        assertNull(rs.targetFor(t(Tier.T3, PriorityLevel.P1)));
        MetricRule fu = SLA.metrics().get(SlaMetric.FOLLOW_UP);
        assertEquals(1440, fu.targetFor(t(Tier.T3, PriorityLevel.P3)));
        assertNull(fu.targetFor(t(Tier.STANDARD, PriorityLevel.P1)));
        MetricRule as = SLA.metrics().get(SlaMetric.ASSIGNMENT);
        assertEquals(30, as.targetFor(t(Tier.STANDARD, PriorityLevel.P1)));
        assertNull(as.targetFor(t(Tier.STANDARD, PriorityLevel.P3)));
        assertEquals(5, as.targetFor(t(Tier.T3, PriorityLevel.P2)));
    }

    @Test
    void targetsFollowTheEntitlementsOfThePolicy() {
        // Doubling the ticket's first-response target after overrides doubles the clock's target.
        SlaTicket ticket = Fixtures.ticket(Tier.T2, "10:00").frTarget(60).build();
        assertEquals(60, SLA.metrics().get(SlaMetric.FIRST_RESPONSE).targetFor(ticket));
        assertEquals(at("10:00"), ticket.createdAt());
    }

    private static void rejects(String path, String reasonPart, Consumer<ObjectNode> change) {
        ObjectNode sla = Fixtures.shippedSla();
        change.accept(sla);
        PolicyException e = assertThrows(PolicyException.class, () -> SlaPolicy.fromPolicy(Fixtures.withSlaNode(sla)));
        assertTrue(e.getMessage().contains(" at " + path + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reasonPart), e.getMessage());
    }

    private static ObjectNode metric(ObjectNode sla, String name) {
        return (ObjectNode) sla.get("metrics").get(name);
    }

    @Test
    void rejectsMistakesNamingThePathAndTheReason() {
        rejects("sla.warning_fraction", "unknown key", s -> s.put("warning_fraction", 0.5));
        rejects("sla.warning_fractions[0]", "between 0 and 1", s -> s.set("warning_fractions", Fixtures.node("[1.5]")));
        rejects("sla.warning_fractions[1]", "ascending", s -> s.set("warning_fractions", Fixtures.node("[0.8, 0.5]")));
        rejects("sla.pause_statuses[0]", "'WAITING' is not one of", s -> s.set("pause_statuses", Fixtures.node("[WAITING]")));
        rejects("sla.met_after_breach", "is required", s -> s.remove("met_after_breach"));
        rejects("sla.metrics.FIRST_REPLY", "is not one of", s -> ((ObjectNode) s.get("metrics"))
                .set("FIRST_REPLY", s.get("metrics").get("FIRST_RESPONSE")));
        rejects("sla.metrics.NEXT_REPLY.clock", "'tier'", s -> metric(s, "NEXT_REPLY").put("clock", "business"));
        rejects("sla.metrics.NEXT_REPLY.targets[0]", "exactly one of", s -> metric(s, "NEXT_REPLY")
                .set("targets", Fixtures.node("[{from: next_reply_minutes, minutes: 5}]")));
        rejects("sla.metrics.NEXT_REPLY.targets[0].minutes", "> 0", s -> metric(s, "NEXT_REPLY")
                .set("targets", Fixtures.node("[{minutes: 0}]")));
        rejects("sla.metrics.ASSIGNMENT.targets[0].from", "entitlements.STANDARD.assignment_minutes is not set",
                s -> metric(s, "ASSIGNMENT").set("targets", Fixtures.node("[{from: assignment_minutes}]")));
        rejects("sla.metrics.FIRST_RESPONSE.pause_statuses", "also a stop status",
                s -> metric(s, "FIRST_RESPONSE").set("pause_statuses", Fixtures.node("[PENDING, SOLVED]")));
        rejects("sla.metrics.FOLLOW_UP.on_reopen", "RESTART", s -> metric(s, "FOLLOW_UP").put("on_reopen", "RESTART"));
        rejects("sla.metrics.FOLLOW_UP.stop_statuses", "open statuses",
                s -> metric(s, "FOLLOW_UP").set("stop_statuses", Fixtures.node("[CLOSED]")));
        rejects("sla.metrics.FOLLOW_UP.met_not_before_minutes", ">= 0",
                s -> metric(s, "FOLLOW_UP").put("met_not_before_minutes", -1));
    }

    @Test
    void placeholderSectionIsRejected() {
        PolicyException e = assertThrows(PolicyException.class,
                () -> SlaPolicy.fromPolicy(Fixtures.withSla("{}")));
        assertTrue(e.getMessage().contains("sla.resolved_statuses: is required"), e.getMessage());
    }
}
