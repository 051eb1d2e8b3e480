package io.viplane.risk;

import static io.viplane.risk.RiskFixtures.NOW;
import static io.viplane.risk.RiskFixtures.RISK;
import static io.viplane.risk.RiskFixtures.SIGNALS;
import static io.viplane.risk.RiskFixtures.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.PriorityLevel;
import io.viplane.signals.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Shipped rules used below: frequency 7 days vs 8 weeks x2 (>= 3 tickets), severity over 30 days,
 * shorter messages 7 vs 28 days at 50%, unresolved >= 3, repeated issue twice in 90 days. */
class PatternDetectorTest {
    private final PatternDetector detector = new PatternDetector(SIGNALS, RISK);

    private record Created(String id, Instant at, PriorityLevel level, String issue) {
    }

    private static AccountSignals fold(List<Created> tickets) {
        AccountSignals s = new AccountSignals();
        tickets.forEach(t -> s.ticketCreated(SIGNALS, t.id(), t.at(), t.level(), t.issue()));
        return s;
    }

    private static List<Created> weeklyBaselineThenBurst(int burst) {
        List<Created> ts = new ArrayList<>();
        // 9 weekly tickets: the oldest (66 days ago) only proves 8 full weeks of history
        for (int week = 1; week <= 9; week++) {
            ts.add(new Created("base-" + week, daysAgo(7 * week + 3), PriorityLevel.P3, "tag:t" + week));
        }
        for (int i = 0; i < burst; i++) {
            ts.add(new Created("burst-" + i, daysAgo(1 + i), PriorityLevel.P3, "tag:b" + i));
        }
        return ts;
    }

    private static boolean has(List<Contribution> cs, RiskSignal s) {
        return cs.stream().anyMatch(c -> c.signal() == s);
    }

    // --- frequency rising -------------------------------------------------------------------

    @Test
    void frequencyRisingAgainstOwnBaseline() {
        // baseline 8 tickets in 8 weeks = 1 per 7 days; 3 in the last 7 days is 3x that and >= 3
        AccountSignals s = fold(weeklyBaselineThenBurst(3));
        assertEquals(Optional.of("3 tickets in 7 days vs 1 expected from the 8 weeks before"), detector.frequencyRising(s, NOW));
        Contribution c = detector.detect(s, NOW).stream().filter(x -> x.signal() == RiskSignal.FREQUENCY_RISING).findFirst().orElseThrow();
        assertEquals(RISK.pointsOf(RiskSignal.FREQUENCY_RISING), c.points());
    }

    @Test
    void frequencyNeedsMinimumTicketsAndRealRise() {
        assertTrue(detector.frequencyRising(fold(weeklyBaselineThenBurst(2)), NOW).isEmpty(), "2 < min_tickets 3");
        List<Created> busy = new ArrayList<>(weeklyBaselineThenBurst(3));
        for (int week = 1; week <= 8; week++) {
            busy.add(new Created("extra-" + week, daysAgo(7 * week + 2), PriorityLevel.P3, null));
        }
        // baseline now 2 per 7 days: 3 < 2 x 2
        assertTrue(detector.frequencyRising(fold(busy), NOW).isEmpty());
    }

    @Test
    void newAccountHasNoBaselineToRiseAgainst() {
        List<Created> onlyRecent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            onlyRecent.add(new Created("t" + i, daysAgo(i + 0.5), PriorityLevel.P2, null));
        }
        assertTrue(detector.frequencyRising(fold(onlyRecent), NOW).isEmpty());
        // one ticket 3 weeks earlier gives 2 weeks of observed (empty) history: now it is a rise from 0
        onlyRecent.add(new Created("first", daysAgo(21), PriorityLevel.P3, null));
        assertEquals(Optional.of("6 tickets in 7 days vs 0 expected from the 2 weeks before"),
                detector.frequencyRising(fold(onlyRecent), NOW));
    }

    @Test
    void frequencyIsTheSameWhateverTheArrivalOrder() {
        List<Created> ts = new ArrayList<>(weeklyBaselineThenBurst(4));
        Optional<String> inOrder = detector.frequencyRising(fold(ts), NOW);
        Collections.reverse(ts);
        assertEquals(inOrder, detector.frequencyRising(fold(ts), NOW));
        Collections.shuffle(ts, new Random(7));
        assertEquals(inOrder, detector.frequencyRising(fold(ts), NOW));
        assertTrue(inOrder.isPresent());
    }

    @Test
    void windowEndsAtTheAssessmentTimeNotTheLastEvent() {
        AccountSignals s = fold(weeklyBaselineThenBurst(3));
        assertTrue(detector.frequencyRising(s, NOW).isPresent());
        assertTrue(detector.frequencyRising(s, NOW.plus(Duration.ofDays(21))).isEmpty(),
                "three weeks later the burst is part of the baseline and nothing is recent");
    }

    @Test
    void repeatedCreateOfOneTicketCountsOnce() {
        AccountSignals s = fold(weeklyBaselineThenBurst(2));
        s.ticketCreated(SIGNALS, "burst-0", daysAgo(1), PriorityLevel.P3, null);
        s.ticketCreated(SIGNALS, "burst-1", daysAgo(2), PriorityLevel.P3, null);
        assertTrue(detector.frequencyRising(s, NOW).isEmpty());
    }

    // --- severity escalating ----------------------------------------------------------------

    @Test
    void severityEscalatingOverCreationTime() {
        List<Created> ts = List.of(
                new Created("a", daysAgo(20), PriorityLevel.P4, null),
                new Created("b", daysAgo(12), PriorityLevel.P3, null),
                new Created("c", daysAgo(6), PriorityLevel.P2, null),
                new Created("d", daysAgo(1), PriorityLevel.P1, null));
        // earlier half P4,P3 = 1.5; later half P2,P1 = 3.5: +2 levels >= 1
        assertEquals(Optional.of("severity rising over 4 tickets in 30 days: P4,P3,P2,P1"),
                detector.severityEscalating(fold(ts), NOW));
        List<Created> reversedArrival = new ArrayList<>(ts);
        Collections.reverse(reversedArrival);
        assertEquals(detector.severityEscalating(fold(ts), NOW), detector.severityEscalating(fold(reversedArrival), NOW));
    }

    @Test
    void fallingOrFlatSeverityIsNotEscalating() {
        assertTrue(detector.severityEscalating(fold(List.of(
                new Created("a", daysAgo(20), PriorityLevel.P1, null),
                new Created("b", daysAgo(10), PriorityLevel.P2, null),
                new Created("c", daysAgo(1), PriorityLevel.P4, null))), NOW).isEmpty());
        assertTrue(detector.severityEscalating(fold(List.of(
                new Created("a", daysAgo(20), PriorityLevel.P2, null),
                new Created("b", daysAgo(10), PriorityLevel.P2, null),
                new Created("c", daysAgo(1), PriorityLevel.P2, null))), NOW).isEmpty());
    }

    @Test
    void severityIgnoresTicketsOutsideTheWindow() {
        // P4s 40 and 35 days ago are outside the 30-day window; inside, P2 P2 P2 is flat
        assertTrue(detector.severityEscalating(fold(List.of(
                new Created("old1", daysAgo(40), PriorityLevel.P4, null),
                new Created("old2", daysAgo(35), PriorityLevel.P4, null),
                new Created("a", daysAgo(20), PriorityLevel.P2, null),
                new Created("b", daysAgo(10), PriorityLevel.P2, null),
                new Created("c", daysAgo(1), PriorityLevel.P2, null))), NOW).isEmpty());
    }

    @Test
    void latestLevelChangeWinsOutOfOrder() {
        AccountSignals s = fold(List.of(
                new Created("a", daysAgo(20), PriorityLevel.P3, null),
                new Created("b", daysAgo(10), PriorityLevel.P3, null),
                new Created("c", daysAgo(2), PriorityLevel.P3, null)));
        assertTrue(detector.severityEscalating(s, NOW).isEmpty());
        s.ticketLevelChanged(SIGNALS, "c", daysAgo(1), PriorityLevel.P1);
        s.ticketLevelChanged(SIGNALS, "c", daysAgo(1.5), PriorityLevel.P4); // older change, delivered late
        assertEquals(PriorityLevel.P1, s.tickets.get("c").level());
        assertTrue(detector.severityEscalating(s, NOW).isPresent());
    }

    // --- shorter messages -------------------------------------------------------------------

    private static AccountSignals messages(int[] lengths, double[] daysAgo) {
        AccountSignals s = new AccountSignals();
        for (int i = 0; i < lengths.length; i++) {
            s.customerMessage(SIGNALS, "m" + i, daysAgo(daysAgo[i]), lengths[i], List.of());
        }
        return s;
    }

    @Test
    void shorterMessagesMeansDisengagement() {
        AccountSignals s = messages(new int[] {400, 380, 420, 60, 20}, new double[] {30, 20, 10, 3, 1});
        // earlier mean 400, recent mean 40: 10% <= 50%
        assertEquals(Optional.of("messages average 40 chars in 7 days vs 400 in the 28 days before"),
                detector.shorterMessages(s, NOW));
    }

    @Test
    void shorterMessagesNeedsEnoughOnBothSidesAndARealDrop() {
        assertTrue(detector.shorterMessages(messages(new int[] {400, 380, 420, 300, 250}, new double[] {30, 20, 10, 3, 1}), NOW)
                .isEmpty(), "275 is more than half of 400");
        assertTrue(detector.shorterMessages(messages(new int[] {400, 380, 420, 20}, new double[] {30, 20, 10, 1}), NOW)
                .isEmpty(), "one recent message is below min_recent_messages 2");
        assertTrue(detector.shorterMessages(messages(new int[] {400, 420, 60, 20}, new double[] {20, 10, 3, 1}), NOW)
                .isEmpty(), "two earlier messages are below min_earlier_messages 3");
    }

    @Test
    void shorterMessagesIgnoresArrivalOrderAndScoresWithoutText() {
        AccountSignals s = messages(new int[] {20, 60, 420, 380, 400}, new double[] {1, 3, 10, 20, 30});
        // an NLP score for a message never seen has no length and must not count as a 0-char message
        s.sentimentScored(SIGNALS, "orphan", daysAgo(15), -0.2, SentimentSource.EXTERNAL);
        assertTrue(detector.shorterMessages(s, NOW).isPresent());
        assertTrue(detector.shorterMessages(s, daysAgo(5)).isEmpty(), "5 days ago neither short message had been written");
    }

    // --- unresolved ---------------------------------------------------------------------------

    @Test
    void threeUnresolvedTickets() {
        AccountSignals s = fold(List.of(
                new Created("a", daysAgo(5), PriorityLevel.P3, null),
                new Created("b", daysAgo(4), PriorityLevel.P3, null),
                new Created("c", daysAgo(3), PriorityLevel.P3, null)));
        assertEquals(Optional.of("3 unresolved tickets (>= 3)"), detector.unresolved(s));
        s.ticketClosed(SIGNALS, "b", daysAgo(1));
        assertTrue(detector.unresolved(s).isEmpty());
        s.ticketReopened(SIGNALS, "b", daysAgo(2)); // older than the close: stays closed
        assertTrue(detector.unresolved(s).isEmpty());
        s.ticketReopened(SIGNALS, "b", daysAgo(0.5));
        assertTrue(detector.unresolved(s).isPresent());
    }

    @Test
    void reportedCountWins() {
        AccountSignals s = new AccountSignals();
        s.unresolvedTickets(4);
        assertTrue(has(detector.detect(s, NOW), RiskSignal.UNRESOLVED_TICKETS));
        s.unresolvedTickets(2);
        assertFalse(has(detector.detect(s, NOW), RiskSignal.UNRESOLVED_TICKETS));
    }

    // --- repeated issue -----------------------------------------------------------------------

    @Test
    void sameTagTwiceWithinNinetyDays() {
        AccountSignals s = fold(List.of(
                new Created("a", daysAgo(80), PriorityLevel.P3, IssueKeys.of("Exports failing", List.of("reporting"))),
                new Created("b", daysAgo(2), PriorityLevel.P3, IssueKeys.of("Exports failing again", List.of("Reporting", "api")))));
        assertEquals(Optional.of("tag reporting on 2 tickets in 90 days"), detector.repeatedIssue(s, NOW));
        assertTrue(detector.repeatedIssue(s, NOW.plus(Duration.ofDays(11))).isEmpty(), "the first falls out of 90 days");
    }

    @Test
    void sameSubjectWithoutTagsMatchesAndStaysPrivate() {
        String k1 = IssueKeys.of("Re: Scheduled export failing (12/03)", List.of());
        String k2 = IssueKeys.of("scheduled export failing again!", null);
        assertEquals(k1, k2);
        assertFalse(k1.contains("export"), "only a digest of the subject is kept");
        assertEquals("tag api", IssueKeys.describe(IssueKeys.of("x", List.of("lang:zh", "api"))));
        AccountSignals s = fold(List.of(
                new Created("a", daysAgo(30), PriorityLevel.P3, k1),
                new Created("b", daysAgo(3), PriorityLevel.P3, k2),
                new Created("c", daysAgo(2), PriorityLevel.P3, IssueKeys.of("Something else", List.of()))));
        assertEquals(Optional.of("same subject on 2 tickets in 90 days"), detector.repeatedIssue(s, NOW));
    }

    @Test
    void differentIssuesAreNotRepeated() {
        AccountSignals s = fold(List.of(
                new Created("a", daysAgo(10), PriorityLevel.P3, "tag:sso"),
                new Created("b", daysAgo(5), PriorityLevel.P3, "tag:billing")));
        assertTrue(detector.repeatedIssue(s, NOW).isEmpty());
    }

    // --- bounds -------------------------------------------------------------------------------

    @Test
    void stateStaysBounded() {
        AccountSignals s = new AccountSignals();
        Consumer<Integer> ticket = i -> s.ticketCreated(SIGNALS, "t" + i, daysAgo(200 - i * 0.1), PriorityLevel.P3, "tag:x");
        for (int i = 0; i < 2000; i++) {
            ticket.accept(i);
            s.customerMessage(SIGNALS, "m" + i, daysAgo(200 - i * 0.1), 100,
                    List.of(new ChurnFinding(SignalKind.INDIRECT, false, false, "frustrated")));
        }
        assertTrue(s.tickets.size() <= AccountSignals.MAX_TICKETS, "tickets " + s.tickets.size());
        assertTrue(s.messages.size() <= AccountSignals.MAX_MESSAGES, "messages " + s.messages.size());
        assertTrue(s.findings.size() <= AccountSignals.MAX_FINDINGS, "findings " + s.findings.size());
        // the last event is 0.1 days ago; nothing older than 90 days before it is kept
        assertTrue(s.createdPerDay.firstKey() >= AccountSignals.day(daysAgo(91)));
        assertTrue(s.createdPerDay.size() <= 92);
        // the newest tickets are the ones kept
        assertTrue(s.tickets.containsKey("t1999"));
        assertFalse(s.tickets.containsKey("t1000"));
    }

    @Test
    void eventOlderThanRetentionIsDroppedOnArrival() {
        AccountSignals s = new AccountSignals();
        s.ticketCreated(SIGNALS, "new", NOW, PriorityLevel.P3, null);
        s.ticketCreated(SIGNALS, "ancient", daysAgo(200), PriorityLevel.P1, null);
        assertFalse(s.tickets.containsKey("ancient"));
        assertEquals(1, s.createdBetween(AccountSignals.day(daysAgo(365)), AccountSignals.day(NOW)));
    }
}
