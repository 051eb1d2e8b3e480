package io.viplane.risk;

import io.viplane.model.PriorityLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The risk-relevant history of one account, kept in a state store on the account partition
 * (CBOR: public fields and records). The topology folds ticket, message and sentiment events in;
 * {@link PatternDetector}, {@link SentimentJudge} and {@link RiskScorer} read it.
 *
 * <p>Out-of-order events are fine: every entry carries its own event time and windows are
 * evaluated against the time of the assessment, never against "the last event".
 *
 * <p>Bounded: nothing older than {@link SignalsPolicy#retentionDays()} (the longest window of any
 * rule, 90 days as shipped) before the newest event seen is kept, and at most
 * {@value #MAX_TICKETS} tickets, {@value #MAX_MESSAGES} messages and {@value #MAX_FINDINGS} churn
 * findings (the newest), plus one counter per day: under 100 KB of CBOR for the busiest account.
 */
public final class AccountSignals {
    /** Safety caps (not business rules): a flood of tickets must not grow one store entry without end. */
    static final int MAX_TICKETS = 300;
    static final int MAX_MESSAGES = 500;
    static final int MAX_FINDINGS = 100;

    /** Newest event time seen; the clock that trims old entries. */
    public Instant latestAt;
    /** Earliest day (UTC epoch day) a ticket was ever created; survives trimming, so the baseline knows its history. */
    public Long firstTicketDay;
    /** Tickets created per UTC epoch day (counted once per ticket id). */
    public TreeMap<Long, Integer> createdPerDay = new TreeMap<>();
    public Map<String, TicketSignals> tickets = new HashMap<>();
    /** Customer messages by key (the ticket event id the message came in, which sentiment events name). */
    public Map<String, MessageSignals> messages = new HashMap<>();
    public List<DatedFinding> findings = new ArrayList<>();
    /** Unresolved tickets as counted by the routing state; null until the topology reports it. */
    public Integer unresolvedReported;

    /** A churn finding and when its message was written. */
    public record DatedFinding(Instant at, ChurnFinding finding) {
    }

    /**
     * A new ticket. Counted once per id, whatever the number of calls.
     *
     * @param level    the routed priority level (P1..P4)
     * @param issueKey from {@link IssueKeys#of}; null when unknown
     */
    public void ticketCreated(SignalsPolicy policy, String ticketId, Instant at, PriorityLevel level, String issueKey) {
        Objects.requireNonNull(ticketId, "ticketId");
        TicketSignals before = tickets.get(ticketId);
        if (before == null || before.createdAt() == null) {
            long day = day(at);
            createdPerDay.merge(day, 1, Integer::sum);
            firstTicketDay = firstTicketDay == null ? day : Math.min(firstTicketDay, day);
        }
        tickets.put(ticketId, (before == null ? TicketSignals.unknown() : before).created(at, level, issueKey));
        advance(policy, at);
    }

    /** The ticket's routed level changed (priority change or re-route). */
    public void ticketLevelChanged(SignalsPolicy policy, String ticketId, Instant at, PriorityLevel level) {
        update(ticketId, t -> t.leveled(at, level));
        advance(policy, at);
    }

    /** Solved or closed. */
    public void ticketClosed(SignalsPolicy policy, String ticketId, Instant at) {
        update(ticketId, t -> t.withClosed(at));
        advance(policy, at);
    }

    /** Back to an open status after being solved or closed. */
    public void ticketReopened(SignalsPolicy policy, String ticketId, Instant at) {
        update(ticketId, t -> t.withReopened(at));
        advance(policy, at);
    }

    /** The routing state's count of this account's unresolved tickets; it wins over the own count. */
    public void unresolvedTickets(int count) {
        unresolvedReported = Math.max(0, count);
    }

    /**
     * A message from the customer (the text of a CREATED event counts too).
     *
     * @param messageKey    the ticket event id, as sentiment events name it in {@code source_event_id}
     * @param lengthChars   length of the message text in characters
     * @param churnFindings its churn language, see {@link ChurnFinding#of(java.util.List)}
     */
    public void customerMessage(SignalsPolicy policy, String messageKey, Instant at, int lengthChars,
                                List<ChurnFinding> churnFindings) {
        Objects.requireNonNull(messageKey, "messageKey");
        MessageSignals m = messages.getOrDefault(messageKey, MessageSignals.empty(at));
        boolean firstTime = m.length() == null;
        messages.put(messageKey, m.withMessage(at, Math.max(0, lengthChars)));
        if (firstTime) {
            for (ChurnFinding f : churnFindings) {
                findings.add(new DatedFinding(at, f));
            }
        }
        advance(policy, at);
    }

    /**
     * A sentiment score of a customer message. External scores replace each other by event time
     * (the latest wins); which source wins over the other is decided by {@link SentimentJudge}.
     */
    public void sentimentScored(SignalsPolicy policy, String messageKey, Instant at, double score, SentimentSource source) {
        Objects.requireNonNull(messageKey, "messageKey");
        if (Double.isNaN(score) || score < -1 || score > 1) {
            throw new IllegalArgumentException("score must be within [-1, 1]");
        }
        MessageSignals m = messages.getOrDefault(messageKey, MessageSignals.empty(at));
        messages.put(messageKey, source == SentimentSource.EXTERNAL ? m.withExternal(score, at) : m.withBaseline(score));
        advance(policy, at);
    }

    public MessageSignals message(String messageKey) {
        return messages.get(messageKey);
    }

    /** Unresolved tickets: the routing state's count when reported, else the tickets seen and not closed. */
    public int unresolved() {
        if (unresolvedReported != null) {
            return unresolvedReported;
        }
        return (int) tickets.values().stream().filter(t -> t.createdAt() != null && !t.closed()).count();
    }

    /** Tickets created in the UTC days {@code [fromDay, toDay]}. */
    int createdBetween(long fromDay, long toDay) {
        if (fromDay > toDay) {
            return 0;
        }
        return createdPerDay.subMap(fromDay, true, toDay, true).values().stream().mapToInt(Integer::intValue).sum();
    }

    static long day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private void update(String ticketId, Function<TicketSignals, TicketSignals> change) {
        Objects.requireNonNull(ticketId, "ticketId");
        tickets.put(ticketId, change.apply(tickets.getOrDefault(ticketId, TicketSignals.unknown())));
    }

    private void advance(SignalsPolicy policy, Instant at) {
        Objects.requireNonNull(at, "at");
        if (latestAt == null || at.isAfter(latestAt)) {
            latestAt = at;
        }
        trim(policy.retentionDays());
    }

    /** Drops what no window can reach any more, then enforces the caps (oldest out first). */
    void trim(int retentionDays) {
        Instant cutoff = latestAt.minus(Duration.ofDays(retentionDays));
        createdPerDay.headMap(day(cutoff)).clear();
        tickets.values().removeIf(t -> t.lastSeen() == null || t.lastSeen().isBefore(cutoff));
        messages.values().removeIf(m -> m.at().isBefore(cutoff));
        findings.removeIf(f -> f.at().isBefore(cutoff));
        cap(tickets, MAX_TICKETS, TicketSignals::lastSeen);
        cap(messages, MAX_MESSAGES, MessageSignals::at);
        if (findings.size() > MAX_FINDINGS) {
            findings.sort(Comparator.comparing(DatedFinding::at));
            findings = new ArrayList<>(findings.subList(findings.size() - MAX_FINDINGS, findings.size()));
        }
    }

    private static <V> void cap(Map<String, V> map, int max, Function<V, Instant> time) {
        if (map.size() <= max) {
            return;
        }
        List<Map.Entry<String, V>> byAge = new ArrayList<>(map.entrySet());
        byAge.sort(Comparator.comparing((Map.Entry<String, V> e) -> time.apply(e.getValue())).thenComparing(Map.Entry::getKey));
        for (int i = 0; i < byAge.size() - max; i++) {
            map.remove(byAge.get(i).getKey());
        }
    }
}
