package io.viplane.escalation;

import static io.viplane.escalation.Fixtures.EVENT_AT;
import static io.viplane.escalation.Fixtures.RULES;
import static io.viplane.escalation.Fixtures.build;
import static io.viplane.escalation.Fixtures.firstId;
import static io.viplane.escalation.Fixtures.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import io.viplane.signals.SignalKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Event-driven kinds under the shipped white-glove policy: each fires when it should and only then. */
class EscalationRulesTest {

    @Test
    void aPlainNeutralMessageEscalatesNothing() {
        for (Tier t : Tier.values()) {
            assertEquals(List.of(), RULES.onEvent(Fixtures.ticket(t).build()), t.name());
        }
    }

    @Nested
    class ExecutiveEscalation {

        @Test
        void revenuePhraseGoesUpEachTiersLadder() {
            // seed 000 ESCALATION PROTOCOL: T1 -> Support VP 15 min, T2 -> Support Manager 30, T3 -> Team Lead 60
            record Case(Tier tier, EscalationTarget target, int minutes) { }
            for (Case c : List.of(new Case(Tier.T1, EscalationTarget.SUPPORT_VP, 15),
                    new Case(Tier.T2, EscalationTarget.SUPPORT_MANAGER, 30),
                    new Case(Tier.T3, EscalationTarget.TEAM_LEAD, 60))) {
                List<Escalation> out = of(RULES.onEvent(build(c.tier(), b -> b.text("Checkout API 502",
                        "Roughly 30% of payments fail and it is directly Hitting Revenue."))), EscalationKind.EXECUTIVE_ESCALATION);
                assertEquals(1, out.size(), c.tier().name());
                assertEquals(c.target(), out.get(0).getTarget());
                assertEquals(c.minutes(), out.get(0).getRespondWithinMinutes());
                assertEquals(c.tier(), out.get(0).getTier());
                assertEquals(EVENT_AT, out.get(0).getOccurredAt());
                assertTrue(out.get(0).getEvidence().contains("revenue_impact: phrase 'hitting revenue' in CUSTOMER_MESSAGE"),
                        out.get(0).getEvidence().toString());
            }
        }

        @Test
        void standardTicketsAreNotExecutiveEscalations() {
            assertEquals(List.of(), RULES.onEvent(build(Tier.STANDARD, b -> b.text("", "this is hitting revenue"))));
        }

        @Test
        void revenueTagCountsOnAnyEvent() {
            List<Escalation> out = RULES.onEvent(build(Tier.T2, b -> b.event(TicketEventType.ASSIGNED, "ev-9", EVENT_AT)
                    .text(null, null).tags(List.of("API", "Payments"))));
            assertEquals(1, out.size());
            assertTrue(out.get(0).getEvidence().contains("revenue_impact: help-desk tag 'payments'"));
        }

        @Test
        void chinesePhrasesMatch() {
            assertEquals(1, of(RULES.onEvent(build(Tier.T2, b -> b.text("支付问题", "从今天早上开始支付失败，损失很大"))),
                    EscalationKind.EXECUTIVE_ESCALATION).size());
            assertEquals(1, of(RULES.onEvent(build(Tier.T2, b -> b.text("", "请让你们的经理联系我。"))),
                    EscalationKind.EXECUTIVE_ESCALATION).size());
        }

        @Test
        void customerAskingForAManagerEscalates_anAgentMentioningOneDoesNot() {
            String text = "I'd like to speak with a manager about this.";
            List<Escalation> customer = RULES.onEvent(build(Tier.T3, b -> b.text(null, text)));
            assertEquals(1, customer.size());
            assertEquals(EscalationTarget.TEAM_LEAD, customer.get(0).getTarget());
            assertTrue(customer.get(0).getEvidence().get(0).startsWith("asks_for_manager: phrase 'speak with a manager'"));
            List<Escalation> agent = RULES.onEvent(build(Tier.T3, b -> b.event(TicketEventType.AGENT_REPLY, "ev-2", EVENT_AT)
                    .text(null, text)));
            assertEquals(List.of(), agent);
        }

        @ParameterizedTest
        @ValueSource(strings = {"I'm the revenue manager here, how do I export?", "Our escalated issue from May",
                "The manager role cannot see the report", "Prerevenue impact tracking question"})
        void wordsInOtherSensesDoNotMatch(String body) {
            assertEquals(List.of(), RULES.onEvent(build(Tier.T1, b -> b.text(null, body))));
        }

        @Test
        void extremelyNegativeSentimentEscalates_VIPOnly() {
            List<Escalation> vip = of(RULES.onEvent(build(Tier.T1, b -> b.sentiment(-0.93, true, false))),
                    EscalationKind.EXECUTIVE_ESCALATION);
            assertEquals(1, vip.size());
            assertEquals(List.of("sentiment_flag=EXTREMELY_NEGATIVE", "sentiment_score=-0.93"), vip.get(0).getEvidence());
            assertEquals(List.of(), of(RULES.onEvent(build(Tier.STANDARD, b -> b.sentiment(-0.93, true, false))),
                    EscalationKind.EXECUTIVE_ESCALATION));
        }

        @Test
        void eachCriterionIsItsOwnCause() {
            List<Escalation> both = RULES.onEvent(build(Tier.T1, b -> b.text(null,
                    "We are losing revenue every minute. Let me speak to a manager.")));
            assertEquals(2, both.size());
            assertNotEquals(both.get(0).getEscalationId(), both.get(1).getEscalationId());
        }
    }

    @Nested
    class CsmAlert {

        @ParameterizedTest
        @EnumSource(value = PriorityLevel.class, names = {"P1", "P2"})
        void vipP2OrMoreUrgentAlertsTheCsm(PriorityLevel p) {
            List<Escalation> out = RULES.onEvent(build(Tier.T3, b -> b.priority(p)));
            assertEquals(1, out.size());
            assertEquals(EscalationKind.CSM_ALERT, out.get(0).getKind());
            assertEquals(EscalationTarget.CSM, out.get(0).getTarget());
            assertEquals(15, out.get(0).getRespondWithinMinutes());
        }

        @Test
        void notForP3OrStandard() {
            assertEquals(List.of(), RULES.onEvent(build(Tier.T1, b -> b.priority(PriorityLevel.P3))));
            assertEquals(List.of(), RULES.onEvent(build(Tier.STANDARD, b -> b.priority(PriorityLevel.P1))));
        }

        @Test
        void routingMatrixCanAskForItToo() {
            List<Escalation> out = RULES.onEvent(build(Tier.STANDARD, b -> b.priority(PriorityLevel.P1)
                    .notifyTargets(Set.of(EscalationTarget.CSM))));
            assertEquals(1, out.size());
            assertEquals(EscalationKind.CSM_ALERT, out.get(0).getKind());
        }

        @Test
        void unknownAccountHasNoCsmToTell() {
            assertEquals(List.of(), RULES.onEvent(build(Tier.T1, b -> b.priority(PriorityLevel.P1).accountKnown(false))));
        }

        @Test
        void raisedPriorityIsANewCause() {
            String p2 = firstId(Tier.T1, b -> b.priority(PriorityLevel.P2));
            String p2Again = firstId(Tier.T1, b -> b.priority(PriorityLevel.P2)
                    .event(TicketEventType.AGENT_REPLY, "ev-77", EVENT_AT.plusSeconds(600)));
            String p1 = firstId(Tier.T1, b -> b.priority(PriorityLevel.P1));
            assertEquals(p2, p2Again);
            assertNotEquals(p2, p1);
        }
    }

    @Nested
    class ChurnSignal {

        @Test
        void cuesFromUpstreamAlertTheCsm() {
            List<Escalation> out = RULES.onEvent(build(Tier.STANDARD, b -> b.churn(List.of(
                    new ChurnCue(SignalKind.DIRECT, true, "evaluating alternatives"),
                    new ChurnCue(SignalKind.INDIRECT, false, "frustrated")))));
            assertEquals(1, out.size());
            Escalation e = out.get(0);
            assertEquals(EscalationKind.CHURN_SIGNAL, e.getKind());
            assertEquals(EscalationTarget.CSM, e.getTarget());
            assertEquals(60, e.getRespondWithinMinutes());
            assertEquals(List.of("churn DIRECT (direct): \"evaluating alternatives\"",
                    "churn INDIRECT (indirect): \"frustrated\""), e.getEvidence());
            assertTrue(e.getSummary().contains("direct churn signal"), e.getSummary());
        }

        @Test
        void cancelTheMeetingIsNotChurnBecauseTheDetectorFoundNoCue() {
            // negation and false friends are judged upstream; the rules look at cues, not at the words
            assertEquals(List.of(), RULES.onEvent(build(Tier.T1, b -> b.text("Quarterly review",
                    "Please cancel the meeting we had scheduled for Thursday.").churn(List.of()))));
        }

        @Test
        void indirectAfterDirectIsANewCause_sameStrengthIsNot() {
            String direct = firstId(Tier.T2, b -> b.churn(List.of(
                    new ChurnCue(SignalKind.DIRECT, true, "cancel"))));
            String direct2 = firstId(Tier.T2, b -> b.event(TicketEventType.CUSTOMER_MESSAGE, "ev-8", EVENT_AT)
                    .churn(List.of(new ChurnCue(SignalKind.COMPETITOR, true, "switching to another vendor"))));
            String indirect = firstId(Tier.T2, b -> b.churn(List.of(
                    new ChurnCue(SignalKind.REPETITION, false, "fourth time"))));
            assertEquals(direct, direct2);
            assertNotEquals(direct, indirect);
        }

        @Test
        void longPhrasesAreShortenedInEvidence() {
            String phrase = "x".repeat(200);
            Escalation e = RULES.onEvent(build(Tier.T2, b -> b.churn(List.of(
                    new ChurnCue(SignalKind.INDIRECT, false, phrase))))).get(0);
            assertTrue(e.getEvidence().get(0).length() < 100, e.getEvidence().get(0));
        }
    }

    @Nested
    class NegativeSentimentAndFairness {

        @Test
        void aFrustratedOrNegativeMessageIsNoPage_vipOrStandard() {
            // issue 18: frustration alone is a routing boost (priority score, temporary VIP handling)
            assertTrue(RULES.onEvent(build(Tier.T2, b -> b.sentiment(-0.55, false, true))).isEmpty());
            assertTrue(RULES.onEvent(build(Tier.STANDARD, b -> b.sentiment(-0.55, false, true))).isEmpty());
        }

        @Test
        void aSustainedNegativeTrendGoesUpTheVipLadder() {
            List<Escalation> out = RULES.onEvent(build(Tier.T2, b -> b.sentiment(-0.4, false, true)
                    .negativeTrend("mean sentiment -0.45 over the last 3 messages")));
            assertEquals(1, out.size());
            assertEquals(EscalationKind.NEGATIVE_SENTIMENT, out.get(0).getKind());
            assertEquals(EscalationTarget.SUPPORT_MANAGER, out.get(0).getTarget());
            assertTrue(out.get(0).getEvidence().contains("sentiment_trend: mean sentiment -0.45 over the last 3 messages"),
                    out.get(0).getEvidence().toString());
        }

        @Test
        void aSustainedNegativeTrendOfAStandardCustomerEscalatesToATeamLead() {
            // POLICY.md §3 fairness: non-VIP customers are protected too
            List<Escalation> out = RULES.onEvent(build(Tier.STANDARD, b -> b.sentiment(-0.6, false, true)
                    .negativeTrend("mean sentiment -0.50 over the last 3 messages")));
            assertEquals(1, out.size());
            Escalation e = out.get(0);
            assertEquals(EscalationKind.NEGATIVE_SENTIMENT, e.getKind());
            assertEquals(EscalationTarget.TEAM_LEAD, e.getTarget());
            assertEquals(120, e.getRespondWithinMinutes());
            assertEquals(Tier.STANDARD, e.getTier());
            assertTrue(e.getEvidence().contains("sentiment_flag=NEGATIVE_TREND"));
        }

        @Test
        void extremelyNegativeStandardCustomerEscalatesToo_andEvenWithoutAKnownAccount() {
            List<Escalation> out = RULES.onEvent(build(Tier.STANDARD, b -> b.accountKnown(false).accountId(null)
                    .sentiment(-0.95, true, false)));
            assertEquals(1, out.size());
            assertEquals(EscalationTarget.TEAM_LEAD, out.get(0).getTarget());
        }

        @Test
        void fairnessCanBeSwitchedOff() {
            EscalationRules off = EscalationRules.fromPolicy(Fixtures.withEscalation(s ->
                    ((com.fasterxml.jackson.databind.node.ObjectNode) s.get("fairness")).put("standard_escalates", false)));
            assertEquals(List.of(), off.onEvent(build(Tier.STANDARD, b -> b.sentiment(-0.95, true, true))));
        }

        @Test
        void calmCustomersDoNotEscalate() {
            assertEquals(List.of(), RULES.onEvent(build(Tier.STANDARD, b -> b.sentiment(-0.2, false, false))));
            assertEquals(List.of(), RULES.onEvent(build(Tier.T1, b -> b.sentiment(-0.2, false, false))));
        }
    }

    @Nested
    class ExecContact {

        @Test
        void csmAndAccountManagerWithinFiveMinutesWithDistinctIds() {
            List<Escalation> out = RULES.onEvent(build(Tier.T1, b -> b.executiveContact(true)));
            assertEquals(2, out.size());
            assertEquals(Set.of(EscalationTarget.CSM, EscalationTarget.ACCOUNT_MANAGER),
                    Set.of(out.get(0).getTarget(), out.get(1).getTarget()));
            out.forEach(e -> assertEquals(5, e.getRespondWithinMinutes()));
            out.forEach(e -> assertEquals(EscalationKind.EXEC_CONTACT, e.getKind()));
            assertNotEquals(out.get(0).getEscalationId(), out.get(1).getEscalationId());
            assertTrue(out.get(0).getEvidence().contains("follow_up_due_at=2026-01-17T14:00:00Z"),
                    out.get(0).getEvidence().toString());
        }

        @Test
        void notForOtherContacts() {
            assertEquals(List.of(), RULES.onEvent(build(Tier.T1, b -> b.executiveContact(false))));
        }
    }

    @Nested
    class PossibleVipContact {

        private EscalationFacts.Builder stranger(EscalationFacts.Builder b) {
            return b.accountId(null).accountKnown(false).requester("hstroud.home@gmail.example", "Helena Stroud")
                    .executiveContactNames(Set.of("Helena Stroud", "Marcus Lee"))
                    .event(TicketEventType.CREATED, "ev-0", EVENT_AT);
        }

        @Test
        void personalAddressAndExecutiveNameRaiseAVerification() {
            List<Escalation> out = RULES.onEvent(build(Tier.STANDARD, this::stranger));
            assertEquals(1, out.size());
            Escalation e = out.get(0);
            assertEquals(EscalationKind.POSSIBLE_VIP_CONTACT, e.getKind());
            assertEquals(EscalationTarget.TEAM_LEAD, e.getTarget());
            assertEquals(15, e.getRespondWithinMinutes());
        }

        @Test
        void nameOrderAndCaseDoNotMatter() {
            assertEquals(1, RULES.onEvent(build(Tier.STANDARD, b -> stranger(b)
                    .requester("h@outlook.com", "STROUD, helena"))).size());
        }

        @Test
        void companyAddressOrOtherNameOrPartialNameDoesNot() {
            assertEquals(List.of(), RULES.onEvent(build(Tier.STANDARD, b -> stranger(b)
                    .requester("helena.stroud@harrowfield-capital.example", "Helena Stroud"))));
            assertEquals(List.of(), RULES.onEvent(build(Tier.STANDARD, b -> stranger(b)
                    .requester("h@gmail.com", "Helena Strand"))));
            assertEquals(List.of(), RULES.onEvent(build(Tier.STANDARD, b -> stranger(b)
                    .requester("h@gmail.com", "Helena"))));
        }

        @Test
        void aKnownExecutiveContactIsNotAPossibleOne() {
            List<Escalation> out = RULES.onEvent(build(Tier.T1, b -> stranger(b).accountId("ACC-42").accountKnown(true)
                    .executiveContact(true)));
            assertEquals(List.of(), of(out, EscalationKind.POSSIBLE_VIP_CONTACT));
        }
    }

    @Nested
    class AbusiveCustomer {

        @ParameterizedTest
        @EnumSource(Tier.class)
        void managerReviewWhateverTheTier(Tier tier) {
            List<Escalation> out = RULES.onEvent(build(tier, b -> b.event(TicketEventType.FLAGGED_ABUSIVE, "ev-5", EVENT_AT)));
            assertEquals(1, out.size());
            assertEquals(EscalationKind.ABUSIVE_CUSTOMER, out.get(0).getKind());
            assertEquals(EscalationTarget.SUPPORT_MANAGER, out.get(0).getTarget());
        }

        @Test
        void executiveCustomerAlsoInvolvesTheExecutiveSponsor() {
            List<Escalation> out = of(RULES.onEvent(build(Tier.T1, b -> b.executiveContact(true)
                    .event(TicketEventType.FLAGGED_ABUSIVE, "ev-5", EVENT_AT))), EscalationKind.ABUSIVE_CUSTOMER);
            assertEquals(Set.of(EscalationTarget.SUPPORT_MANAGER, EscalationTarget.EXEC_SPONSOR),
                    Set.of(out.get(0).getTarget(), out.get(1).getTarget()));
        }

        @Test
        void eachFlagIsANewCause() {
            String first = firstId(Tier.T2, b -> b.event(TicketEventType.FLAGGED_ABUSIVE, "ev-5", EVENT_AT));
            String replay = firstId(Tier.T2, b -> b.event(TicketEventType.FLAGGED_ABUSIVE, "ev-5", EVENT_AT));
            String second = firstId(Tier.T2, b -> b.event(TicketEventType.FLAGGED_ABUSIVE, "ev-6", EVENT_AT));
            assertEquals(first, replay);
            assertNotEquals(first, second);
        }
    }

    @Nested
    class ClosedWithoutConfirmation {

        private EscalationFacts close(Tier tier, TicketStatus before, boolean confirmed) {
            return build(tier, b -> b.event(TicketEventType.STATUS_CHANGED, "ev-c", EVENT_AT)
                    .previousStatus(before).status(TicketStatus.CLOSED).closed(true).customerConfirmed(confirmed));
        }

        @Test
        void vipClosedWithoutConfirmationIsFlaggedToTheTeamLead() {
            List<Escalation> out = RULES.onEvent(close(Tier.T3, TicketStatus.SOLVED, false));
            assertEquals(1, out.size());
            assertEquals(EscalationKind.CLOSED_WITHOUT_CONFIRMATION, out.get(0).getKind());
            assertEquals(EscalationTarget.TEAM_LEAD, out.get(0).getTarget());
            assertTrue(out.get(0).getEvidence().contains("status SOLVED -> CLOSED with no customer confirmation"));
        }

        @Test
        void notWhenConfirmedNotForStandardNotWhenAlreadyClosedNotOnSolved() {
            assertEquals(List.of(), RULES.onEvent(close(Tier.T3, TicketStatus.SOLVED, true)));
            assertEquals(List.of(), RULES.onEvent(close(Tier.STANDARD, TicketStatus.SOLVED, false)));
            assertEquals(List.of(), RULES.onEvent(close(Tier.T3, TicketStatus.CLOSED, false)));
            assertEquals(List.of(), RULES.onEvent(build(Tier.T3, b -> b.event(TicketEventType.STATUS_CHANGED, "ev-s", EVENT_AT)
                    .previousStatus(TicketStatus.OPEN).status(TicketStatus.SOLVED).closed(true))));
        }
    }

    @Nested
    class TransferWithoutHandoff {

        @Test
        void vipTransferWithoutWarmHandoffIsFlagged_unstatedCountsAsMissing() {
            for (Boolean warm : new Boolean[] {false, null}) {
                List<Escalation> out = RULES.onEvent(build(Tier.T2, b -> b.event(TicketEventType.TRANSFERRED, "ev-t", EVENT_AT)
                        .warmHandoff(warm)));
                assertEquals(1, out.size(), String.valueOf(warm));
                assertEquals(EscalationKind.TRANSFER_WITHOUT_HANDOFF, out.get(0).getKind());
                assertEquals(EscalationTarget.TEAM_LEAD, out.get(0).getTarget());
                assertEquals(30, out.get(0).getRespondWithinMinutes());
            }
        }

        @Test
        void warmHandoffOrStandardTicketIsFine() {
            assertEquals(List.of(), RULES.onEvent(build(Tier.T2, b -> b.event(TicketEventType.TRANSFERRED, "ev-t", EVENT_AT)
                    .warmHandoff(true))));
            assertEquals(List.of(), RULES.onEvent(build(Tier.STANDARD, b -> b.event(TicketEventType.TRANSFERRED, "ev-t", EVENT_AT)
                    .warmHandoff(false))));
        }
    }
}
