package io.viplane.escalation;

import static io.viplane.escalation.Fixtures.POLICY;
import static io.viplane.escalation.Fixtures.withEscalation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import io.viplane.policy.PolicyException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Binding and strict validation of the {@code escalation:} section. */
class EscalationPolicyTest {

    private static final EscalationPolicy BOUND = EscalationPolicy.fromPolicy(POLICY);

    @Test
    void laddersFollowSeed000EscalationProtocol() {
        // seed 000 "ESCALATION PROTOCOL": Tier 1 Support VP within 15 min, Tier 2 Support Manager
        // within 30 min, Tier 3 Team Lead within 1 hour; STANDARD team lead within 120 (POLICY.md §2).
        Recipients ladder = BOUND.executiveEscalation().rule().to();
        assertEquals(List.of(new Recipient(EscalationTarget.SUPPORT_VP, 15)), ladder.forTier(Tier.T1));
        assertEquals(List.of(new Recipient(EscalationTarget.SUPPORT_MANAGER, 30)), ladder.forTier(Tier.T2));
        assertEquals(List.of(new Recipient(EscalationTarget.TEAM_LEAD, 60)), ladder.forTier(Tier.T3));
        assertEquals(List.of(new Recipient(EscalationTarget.TEAM_LEAD, 120)),
                BOUND.slaBreach().rule().to().forTier(Tier.STANDARD));
    }

    @Test
    void shippedValuesMatchTheSeeds() {
        assertEquals(120, BOUND.executiveEscalation().unresolvedAfterMinutes());      // seed 000: 2 hours
        assertEquals(Set.of(Tier.T1, Tier.T2, Tier.T3), BOUND.executiveEscalation().rule().tiers());
        assertEquals(Set.of(PriorityLevel.P1, PriorityLevel.P2), BOUND.csmAlert().priorities()); // seed 002: P2+
        assertEquals(List.of(new Recipient(EscalationTarget.CSM, 5), new Recipient(EscalationTarget.ACCOUNT_MANAGER, 5)),
                BOUND.execContact().rule().to().forTier(Tier.T1));                     // seed 002 §6: 5 min
        assertEquals(1440, BOUND.execContact().followUpAfterMinutes());               // 24 hours
        assertTrue(BOUND.fairness().standardEscalates());
        assertEquals(List.of(new Recipient(EscalationTarget.TEAM_LEAD, 120)), BOUND.fairness().to().forTier(Tier.STANDARD));
        assertEquals(List.of(new Recipient(EscalationTarget.SUPPORT_MANAGER, 60)),
                BOUND.abusiveCustomer().rule().to().forTier(Tier.STANDARD));
        assertTrue(BOUND.abusiveCustomer().rule().tiers().containsAll(Set.of(Tier.values())));
    }

    @Test
    void personalDomainsMatchProvidersOnAnyTopLevelDomainButNotCompanies() {
        EscalationPolicy.PossibleVipContact p = BOUND.possibleVipContact();
        assertTrue(p.isPersonalDomain("gmail.com"));
        assertTrue(p.isPersonalDomain("GMAIL.co.uk"));
        assertTrue(p.isPersonalDomain("gmail.example"));
        assertTrue(p.isPersonalDomain("qq.com"));
        assertTrue(p.isPersonalDomain("eu.proton.me"));
        assertFalse(p.isPersonalDomain("acme-corp.example"));
        assertFalse(p.isPersonalDomain("notgmail.com"));
        assertFalse(p.isPersonalDomain("gmail."));
        assertFalse(p.isPersonalDomain("163.com.cn.evil"));
    }

    @Test
    void emptySectionIsRejectedWithThePathOfTheFirstMissingKind() {
        PolicyException e = assertThrows(PolicyException.class,
                () -> EscalationPolicy.fromPolicy(Fixtures.withEscalationNode(Fixtures.yaml("{}"))));
        assertEquals("invalid policy white-glove at escalation.executive_escalation: is required", e.getMessage());
    }

    @Test
    void missingSectionIsRejected() {
        PolicyException e = assertThrows(PolicyException.class,
                () -> EscalationPolicy.fromPolicy(Fixtures.withEscalationNode(null)));
        assertTrue(e.getMessage().endsWith("at escalation: is required"), e.getMessage());
    }

    @Test
    void unknownKeysAreRejected() {
        assertInvalid(s -> s.put("csm_alerts", 1), "escalation.csm_alerts", "unknown key");
        assertInvalid(s -> ((ObjectNode) s.get("csm_alert")).put("respond_within", 5),
                "escalation.csm_alert.respond_within", "unknown key");
    }

    @Test
    void badValuesNameThePathAndTheReason() {
        assertInvalid(s -> ((ObjectNode) s.get("csm_alert")).putArray("tiers").add("T9"),
                "escalation.csm_alert.tiers[0]", "'T9' is not one of T1, T2, T3, STANDARD");
        assertInvalid(s -> ((ObjectNode) s.get("unassigned")).put("to", "ladders"),
                "escalation.unassigned.to", "must be 'ladder'");
        assertInvalid(s -> ((ObjectNode) s.get("executive_escalation")).put("unresolved_after_minutes", 0),
                "escalation.executive_escalation.unresolved_after_minutes", "must be > 0");
        assertInvalid(s -> ((ObjectNode) s.get("executive_escalation")).put("unresolved_after_minutes", "2h"),
                "escalation.executive_escalation.unresolved_after_minutes", "whole number");
        assertInvalid(s -> ((ObjectNode) s.get("churn_signal")).putArray("kinds").add("CANCEL"),
                "escalation.churn_signal.kinds[0]", "is not one of");
        assertInvalid(s -> ((ObjectNode) s.get("transfer_without_handoff")).putArray("to").addObject()
                        .put("target", "BOSS").put("respond_within_minutes", 5),
                "escalation.transfer_without_handoff.to[0].target", "'BOSS' is not one of");
        assertInvalid(s -> ((ObjectNode) s.get("transfer_without_handoff")).putArray("to"),
                "escalation.transfer_without_handoff.to", "at least one target");
        assertInvalid(s -> ((ObjectNode) s.get("possible_vip_contact")).putArray("personal_email_domains").add("@gmail.com"),
                "escalation.possible_vip_contact.personal_email_domains[0]", "must be a domain");
        assertInvalid(s -> ((ObjectNode) ((ObjectNode) s.get("executive_escalation")).get("asks_for_manager"))
                        .putArray("phrases").add("a manager").add("A  Manager"),
                "escalation.executive_escalation.asks_for_manager.phrases[1]", "duplicate");
        assertInvalid(s -> ((ObjectNode) s.get("fairness")).put("standard_escalates", "yes"),
                "escalation.fairness.standard_escalates", "true or false");
    }

    @Test
    void structuralRulesAreEnforced() {
        assertInvalid(s -> ((ObjectNode) s.get("negative_sentiment")).putArray("tiers").add("T1").add("STANDARD"),
                "escalation.negative_sentiment.tiers", "governed by escalation.fairness");
        assertInvalid(s -> ((ObjectNode) s.get("sla_breach")).putArray("to")
                        .add(Fixtures.yaml("{\"target\":\"TEAM_LEAD\",\"respond_within_minutes\":5}"))
                        .add(Fixtures.yaml("{\"target\":\"SUPPORT_VP\",\"respond_within_minutes\":5}")),
                "escalation.sla_breach.to", "exactly one");
        assertInvalid(s -> ((ObjectNode) s.get("sla_breach")).putArray("metrics").add("ASSIGNMENT"),
                "escalation.sla_breach.metrics", "ASSIGNMENT is unassigned");
        assertInvalid(s -> ((ObjectNode) s.get("exec_contact")).putArray("to")
                        .add(Fixtures.yaml("{\"target\":\"CSM\",\"respond_within_minutes\":5}"))
                        .add(Fixtures.yaml("{\"target\":\"CSM\",\"respond_within_minutes\":10}")),
                "escalation.exec_contact.to[1].target", "duplicate target CSM");
        // issue 18: frustration is a routing boost; only an extreme message or a sustained trend pages
        assertInvalid(s -> ((ObjectNode) s.get("negative_sentiment")).putArray("when").add("FRUSTRATED"),
                "escalation.negative_sentiment.when", "FRUSTRATED is a routing boost");
        assertInvalid(s -> ((ObjectNode) s.get("fairness")).putArray("when").add("FRUSTRATED"),
                "escalation.fairness.when", "FRUSTRATED is a routing boost");
    }

    @Test
    void anEmptyTierListTurnsAKindOff() {
        EscalationPolicy p = EscalationPolicy.fromPolicy(withEscalation(
                s -> ((ObjectNode) s.get("csm_alert")).putArray("tiers")));
        assertFalse(p.csmAlert().rule().appliesTo(Tier.T1));
    }

    private static void assertInvalid(Consumer<ObjectNode> edit, String path, String reasonPart) {
        PolicyException e = assertThrows(PolicyException.class, () -> EscalationPolicy.fromPolicy(withEscalation(edit)));
        assertTrue(e.getMessage().startsWith("invalid policy white-glove at " + path + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reasonPart), e.getMessage());
    }
}
