package io.viplane.risk;

import static io.viplane.risk.RiskFixtures.NOW;
import static io.viplane.risk.RiskFixtures.RISK;
import static io.viplane.risk.RiskFixtures.SIGNALS;
import static io.viplane.risk.RiskFixtures.account;
import static io.viplane.risk.RiskFixtures.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.viplane.model.PriorityLevel;
import io.viplane.model.RiskLevel;
import io.viplane.signals.SignalKind;
import io.viplane.topology.StateSerdes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The risk state survives the store's CBOR serde unchanged, and behaves the same after it. */
class RiskStateCborTest {

    private static <T> T roundTrip(Class<T> type, T value) {
        try (Serde<T> serde = StateSerdes.cbor(type)) {
            byte[] bytes = serde.serializer().serialize("t", value);
            return serde.deserializer().deserialize("t", bytes);
        }
    }

    private static AccountSignals busyAccount() {
        AccountSignals s = new AccountSignals();
        s.ticketCreated(SIGNALS, "t1", daysAgo(40), PriorityLevel.P4, IssueKeys.of("Exports failing", List.of("reporting")));
        s.ticketCreated(SIGNALS, "t2", daysAgo(20), PriorityLevel.P3, IssueKeys.of("Exports failing again", List.of()));
        s.ticketCreated(SIGNALS, "t3", daysAgo(10), PriorityLevel.P2, "tag:reporting");
        s.ticketCreated(SIGNALS, "t4", daysAgo(1), PriorityLevel.P1, "tag:api");
        s.ticketLevelChanged(SIGNALS, "t3", daysAgo(9), PriorityLevel.P1);
        s.ticketClosed(SIGNALS, "t1", daysAgo(30));
        s.ticketReopened(SIGNALS, "t1", daysAgo(29));
        s.customerMessage(SIGNALS, "e1", daysAgo(20), 420, List.of(
                new ChurnFinding(SignalKind.DIRECT, true, false, "evaluating alternatives"),
                new ChurnFinding(SignalKind.COMPETITOR, false, true, "Kestrel Desk")));
        s.customerMessage(SIGNALS, "e2", daysAgo(2), 35, List.of());
        s.sentimentScored(SIGNALS, "e1", daysAgo(20), -0.3, SentimentSource.BASELINE);
        s.sentimentScored(SIGNALS, "e1", daysAgo(19.9), -0.7, SentimentSource.EXTERNAL);
        s.sentimentScored(SIGNALS, "e2", daysAgo(2), -0.5, SentimentSource.BASELINE);
        s.unresolvedTickets(3);
        return s;
    }

    @Test
    void accountSignalsRoundTrip() {
        AccountSignals before = busyAccount();
        AccountSignals after = roundTrip(AccountSignals.class, before);
        assertEquals(before.latestAt, after.latestAt);
        assertEquals(before.firstTicketDay, after.firstTicketDay);
        assertEquals(before.createdPerDay, after.createdPerDay);
        assertEquals(before.tickets, after.tickets);
        assertEquals(before.messages, after.messages);
        assertEquals(before.findings, after.findings);
        assertEquals(before.unresolvedReported, after.unresolvedReported);

        RiskScorer scorer = new RiskScorer(SIGNALS, RISK);
        RiskAssessment a = scorer.assess(account(55, -25.0, 4), before, 30, NOW);
        RiskAssessment b = scorer.assess(account(55, -25.0, 4), after, 30, NOW);
        assertEquals(a, b);
        assertEquals(RiskLevel.CRITICAL, a.level(), a.signals().toString());
    }

    @Test
    void stateCanKeepGrowingAfterARoundTrip() {
        AccountSignals after = roundTrip(AccountSignals.class, busyAccount());
        after.ticketCreated(SIGNALS, "t5", NOW, PriorityLevel.P1, null);
        after.customerMessage(SIGNALS, "e3", NOW, 10, List.of());
        assertEquals(5, after.tickets.size());
        assertEquals(3, after.messages.size());
    }

    @Test
    void stateHoldsNoMessageText() {
        String body = "We are evaluating alternatives ahead of our renewal, says Jane Roe";
        AccountSignals s = new AccountSignals();
        s.customerMessage(SIGNALS, "e1", NOW, body.length(),
                List.of(new ChurnFinding(SignalKind.DIRECT, true, false, "evaluating alternatives")));
        s.ticketCreated(SIGNALS, "t1", NOW, PriorityLevel.P2, IssueKeys.of("Jane Roe cannot export", List.of()));
        try (Serde<AccountSignals> serde = StateSerdes.cbor(AccountSignals.class)) {
            String raw = new String(serde.serializer().serialize("t", s), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("Jane"), "names in a body or subject never reach the store");
            assertFalse(raw.contains("renewal"));
        }
    }

    @Test
    void trackerRoundTrip() {
        RiskLevelTracker t = new RiskLevelTracker();
        RiskAssessment a = new RiskScorer(SIGNALS, RISK).assess(account(40, -30.0, 2), new AccountSignals(), 10, NOW);
        t.update(a, RISK).orElseThrow();
        RiskLevelTracker after = roundTrip(RiskLevelTracker.class, t);
        assertEquals(t.level, after.level);
        assertEquals(t.score, after.score);
        assertEquals(t.changedAt, after.changedAt);
        // the restored tracker keeps its hysteresis: the same assessment again emits nothing
        assertEquals(java.util.Optional.empty(), after.update(a, RISK));
    }
}
