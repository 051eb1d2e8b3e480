package io.viplane.risk;

import static io.viplane.risk.RiskFixtures.POLICY;
import static io.viplane.risk.RiskFixtures.RISK;
import static io.viplane.risk.RiskFixtures.SIGNALS;
import static io.viplane.risk.RiskFixtures.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.model.RiskLevel;
import io.viplane.policy.PolicyException;
import io.viplane.signals.SignalKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped signals: and risk: sections bind to the seed values, and mistakes fail with their path. */
class RiskPoliciesTest {

    @Test
    void shippedSignalsSectionBinds() {
        assertEquals(SentimentSource.EXTERNAL, SIGNALS.sentiment().prefer());
        assertEquals(-0.25, SIGNALS.sentiment().negativeBelow());
        assertEquals(-0.6, SIGNALS.sentiment().extremelyNegativeBelow());
        assertEquals(List.of(SignalKind.INDIRECT, SignalKind.REPETITION, SignalKind.EXEC_PRESSURE),
                SIGNALS.frustrated().churnKinds());
        assertEquals(3, SIGNALS.unresolvedAtLeast());
        assertEquals(90, SIGNALS.repeatedIssue().withinDays());
        assertEquals(8, SIGNALS.frequencyRising().baselineWeeks());
        // 7 recent days + 8 baseline weeks = 63 < 90 (churn language, repeated issue)
        assertEquals(90, SIGNALS.retentionDays());
    }

    @Test
    void shippedRiskSectionBindsEveryContributor() {
        for (RiskSignal s : RiskSignal.values()) {
            assertTrue(RISK.points().containsKey(s), s.name());
        }
        assertEquals(65, RISK.healthBelow());
        assertEquals(-20.0, RISK.usageAtMostPct());
        assertEquals(new RiskPolicy.Levels(25, 50, 75, 5), RISK.levels());
        assertEquals(List.of(30, 60, 90), RISK.renewalSteps().stream().map(RiskPolicy.RenewalStep::withinDays).toList());
        assertEquals("Competitive retention playbook", RISK.actions().bySignal().get(RiskSignal.COMPETITOR_MENTION));
        assertEquals(RiskLevel.MEDIUM, RISK.actions().playbooksFrom());
    }

    @Test
    void renewalStepIsTheNearestThatHolds() {
        // issue 18: renewal amplifies evidence (10 / 5 / 5), its priority boost lives in priority_score
        assertEquals(10, RISK.renewalStep(30).orElseThrow().points());
        assertEquals(5, RISK.renewalStep(31).orElseThrow().points());
        assertEquals(5, RISK.renewalStep(90).orElseThrow().points());
        assertTrue(RISK.renewalStep(91).isEmpty());
        assertTrue(RISK.renewalStep(-3).isEmpty(), "a renewal date in the past is stale data, not proximity");
        assertTrue(RISK.renewalStep(null).isEmpty());
    }

    @Test
    void emptyPlaceholderSectionIsRejected() {
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        PolicyException e = assertThrows(PolicyException.class, () -> SignalsPolicy.fromPolicy(RiskFixtures.withSignals(empty)));
        assertTrue(e.getMessage().contains("at signals"), e.getMessage());
        assertThrows(PolicyException.class, () -> RiskPolicy.fromPolicy(RiskFixtures.withRisk(null)));
    }

    @Test
    void unknownKeyNamesItsPath() {
        ObjectNode risk = copy(POLICY.risk());
        ((ObjectNode) risk.get("contributors").get("health_low")).put("belw", 60);
        PolicyException e = assertThrows(PolicyException.class, () -> RiskPolicy.fromPolicy(RiskFixtures.withRisk(risk)));
        assertTrue(e.getMessage().contains("risk.contributors.health_low.belw"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
    }

    @Test
    void missingContributorIsRejected() {
        ObjectNode risk = copy(POLICY.risk());
        ((ObjectNode) risk.get("contributors")).remove("shorter_messages");
        PolicyException e = assertThrows(PolicyException.class, () -> RiskPolicy.fromPolicy(RiskFixtures.withRisk(risk)));
        assertTrue(e.getMessage().contains("risk.contributors.shorter_messages: is required"), e.getMessage());
    }

    @Test
    void outOfRangeAndWrongTypesAreRejected() {
        ObjectNode risk = copy(POLICY.risk());
        ((ObjectNode) risk.get("contributors").get("churn_direct")).put("points", 101);
        assertMessage(() -> RiskPolicy.fromPolicy(RiskFixtures.withRisk(risk)), "risk.contributors.churn_direct.points",
                "between 0 and 100");

        ObjectNode signals = copy(POLICY.signals());
        ((ObjectNode) signals.get("patterns").get("shorter_messages")).put("ratio", "half");
        assertMessage(() -> SignalsPolicy.fromPolicy(RiskFixtures.withSignals(signals)),
                "signals.patterns.shorter_messages.ratio", "must be a number");
    }

    @Test
    void levelsMustRiseAndMarginMustAllowReturningToLow() {
        ObjectNode risk = copy(POLICY.risk());
        ((ObjectNode) risk.get("levels")).put("high", 80);
        assertMessage(() -> RiskPolicy.fromPolicy(RiskFixtures.withRisk(risk)), "risk.levels", "medium < high < critical");

        ObjectNode wide = copy(POLICY.risk());
        wide.put("hysteresis_margin", 25);
        assertMessage(() -> RiskPolicy.fromPolicy(RiskFixtures.withRisk(wide)), "risk", "never return to LOW");
    }

    @Test
    void everyLevelNeedsAnActionAndSymbolsAreChecked() {
        ObjectNode risk = copy(POLICY.risk());
        ((ObjectNode) risk.get("actions").get("by_level")).remove("MEDIUM");
        assertMessage(() -> RiskPolicy.fromPolicy(RiskFixtures.withRisk(risk)), "risk.actions.by_level", "MEDIUM");

        ObjectNode badSignal = copy(POLICY.risk());
        ((ObjectNode) badSignal.get("actions").get("by_signal")).put("competitor", "x");
        assertMessage(() -> RiskPolicy.fromPolicy(RiskFixtures.withRisk(badSignal)), "risk.actions.by_signal.competitor",
                "unknown value");
    }

    @Test
    void extremelyNegativeMustBeBelowNegative() {
        ObjectNode signals = copy(POLICY.signals());
        ((ObjectNode) signals.get("sentiment")).put("extremely_negative_below", -0.1);
        assertMessage(() -> SignalsPolicy.fromPolicy(RiskFixtures.withSignals(signals)), "signals.sentiment",
                "must be below negative_below");

        ObjectNode kinds = copy(POLICY.signals());
        ((ObjectNode) kinds.get("frustrated")).putArray("churn_kinds").add("ANGRY");
        assertMessage(() -> SignalsPolicy.fromPolicy(RiskFixtures.withSignals(kinds)), "signals.frustrated.churn_kinds[0]",
                "unknown value 'ANGRY'");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable bind, String path, String reason) {
        PolicyException e = assertThrows(PolicyException.class, bind);
        assertTrue(e.getMessage().contains("at " + path), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
