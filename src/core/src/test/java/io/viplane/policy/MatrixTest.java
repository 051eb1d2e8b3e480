package io.viplane.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.AgentLevel;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tier x priority matrix in {@link Entitlement}, the new scoring keys, and their validation. */
class MatrixTest {
    private static String shipped;

    @BeforeAll
    static void read() throws IOException {
        shipped = Files.readString(Path.of("topology/policies/white-glove.yaml"));
    }

    private static final Ladder LADDER = new Ladder(EscalationTarget.TEAM_LEAD, 60);

    @Test
    void aCellOverridesOnlyWhatItSets() {
        Entitlement e = new Entitlement(30, 30, 120, "account", "ENTERPRISE", null, LADDER, AgentLevel.L1,
                List.of(EscalationTarget.TEAM_LEAD),
                Map.of(PriorityLevel.P1, new MatrixCell("SENIOR", AgentLevel.L3, null, 15),
                        PriorityLevel.P2, new MatrixCell(null, null, List.of(EscalationTarget.CSM), null)));
        assertEquals(new MatrixCell("SENIOR", AgentLevel.L3, List.of(EscalationTarget.TEAM_LEAD), 15),
                e.cell(PriorityLevel.P1));
        assertEquals(new MatrixCell("ENTERPRISE", AgentLevel.L1, List.of(EscalationTarget.CSM), 30),
                e.cell(PriorityLevel.P2));
        assertEquals(new MatrixCell("ENTERPRISE", AgentLevel.L1, List.of(EscalationTarget.TEAM_LEAD), 30),
                e.cell(PriorityLevel.P3));
        assertTrue(e.hasCell(PriorityLevel.P2));
        assertFalse(e.hasCell(PriorityLevel.P3));
    }

    @Test
    void theEntitlementWithoutAMatrixIsTheSameForEveryPriority() {
        Entitlement e = new Entitlement(60, 30, 120, "account", "L1_TENURED", 5, LADDER);
        for (PriorityLevel p : PriorityLevel.values()) {
            assertEquals(new MatrixCell("L1_TENURED", null, List.of(), 60), e.cell(p));
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            P1: {notify: [CSM]}  | P1: {}                                  | entitlements.T1.by_priority.P1                        | must set at least one of
            P1: {notify: [CSM]}  | P1: {first_response_minutes: 0}         | entitlements.T1.by_priority.P1.first_response_minutes | must be > 0
            P1: {notify: [CSM]}  | P1: {first_response_minutes: 500}       | entitlements.T1.by_priority.P1.first_response_minutes | must be <= the tier's max_wait_minutes (120)
            P1: {notify: [CSM]}  | P1: {queue: ' '}                        | entitlements.T1.by_priority.P1.queue                  | must not be blank
            P1: {notify: [CSM]}  | P1: {notfy: [CSM]}                      | entitlements.T1.by_priority.P1.notfy                  | Unrecognized field
            P1: {notify: [CSM]}  | P1: {notify: [CFO]}                     | entitlements.T1.by_priority.P1.notify[0]              | CFO
            P1: {notify: [CSM]}  | P5: {notify: [CSM]}                     | entitlements.T1.by_priority                           | not one of the values accepted for Enum class
            raise_levels: 1      | raise_levels: 5                         | priority_score.fairness.raise_levels                  | is required, 0..3
            when_frustrated: true | when_frustrated: ~                     | priority_score.fairness.when_frustrated               | is required
            sentiment_at_or_below: -0.6 | sentiment_at_or_below: 0.5       | priority_score.fairness.sentiment_at_or_below         | must be in [-1, 0)
            "churn_risk: {LOW: 0," | "churn_risk: {LOW: -1,"               | priority_score.churn_risk.LOW                         | must be a number >= 0
            negative_sentiment_points: 150 | negative_sentiment_points: -150 | priority_score.negative_sentiment_points            | must be >= 0
            """)
    void defectsNameThePath(String text, String replacement, String path, String reason) {
        int at = shipped.indexOf(text);
        assertTrue(at >= 0, "white-glove.yaml no longer contains '" + text + "': update this test");
        String yaml = shipped.substring(0, at) + replacement + shipped.substring(at + text.length());
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.parse(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "defect.yaml"));
        String prefix = "invalid policy defect.yaml at " + path + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void scoringWithoutTheNewTermsStillLoads() {
        // A policy written before sentiment / churn risk / fairness existed keeps working: the terms are off.
        String yaml = shipped.replaceAll("(?m)^  negative_sentiment_points:.*$", "")
                .replaceAll("(?m)^  churn_risk:.*$", "")
                .replaceAll("(?s)  fairness:\\n    tiers: \\[STANDARD\\].*?points: 150[^\\n]*\\n", "");
        Policy p = PolicyLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "old.yaml");
        assertEquals(null, p.priorityScore().fairness());
        assertEquals(null, p.priorityScore().negativeSentimentPoints());
        assertTrue(p.priorityScore().churnRisk().isEmpty());
    }
}
