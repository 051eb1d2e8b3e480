package io.viplane.risk;

import io.viplane.model.PriorityLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The five ticket-pattern warning signs of an account (seed 002): ticket frequency rising against
 * the account's own baseline, severity escalating, messages getting shorter, too many unresolved
 * tickets, the same issue again. Windows end at {@code now}, the time of the assessment, so the
 * order events arrived in does not matter. Pure and thread-safe.
 */
public final class PatternDetector {
    private final SignalsPolicy rules;
    private final RiskPolicy risk;

    public PatternDetector(SignalsPolicy rules, RiskPolicy risk) {
        this.rules = rules;
        this.risk = risk;
    }

    /** The patterns present at {@code now}, each with its policy points (signals worth 0 points are left out). */
    public List<Contribution> detect(AccountSignals s, Instant now) {
        List<Contribution> out = new ArrayList<>();
        frequencyRising(s, now).ifPresent(e -> add(out, RiskSignal.FREQUENCY_RISING, e));
        severityEscalating(s, now).ifPresent(e -> add(out, RiskSignal.SEVERITY_ESCALATING, e));
        shorterMessages(s, now).ifPresent(e -> add(out, RiskSignal.SHORTER_MESSAGES, e));
        unresolved(s).ifPresent(e -> add(out, RiskSignal.UNRESOLVED_TICKETS, e));
        repeatedIssue(s, now).ifPresent(e -> add(out, RiskSignal.REPEATED_ISSUE, e));
        return List.copyOf(out);
    }

    private void add(List<Contribution> out, RiskSignal signal, String evidence) {
        int points = risk.pointsOf(signal);
        if (points > 0) {
            out.add(new Contribution(signal, points, evidence));
        }
    }

    /**
     * Tickets of the last {@code recent_days} against the account's own weekly rate over up to
     * {@code baseline_weeks} before them. Only the weeks of history actually observed count, and
     * without {@code min_baseline_weeks} of it there is no judgement (a new account has no baseline).
     */
    Optional<String> frequencyRising(AccountSignals s, Instant now) {
        SignalsPolicy.FrequencyRising r = rules.frequencyRising();
        if (s.firstTicketDay == null) {
            return Optional.empty();
        }
        long today = AccountSignals.day(now);
        long recentFrom = today - r.recentDays() + 1;
        long historyWeeks = Math.max(0, recentFrom - s.firstTicketDay) / 7;
        int weeks = (int) Math.min(r.baselineWeeks(), historyWeeks);
        if (weeks < r.minBaselineWeeks()) {
            return Optional.empty();
        }
        int recent = s.createdBetween(recentFrom, today);
        int baseline = s.createdBetween(recentFrom - 7L * weeks, recentFrom - 1);
        double expected = baseline * (double) r.recentDays() / (7.0 * weeks);
        if (recent < r.minTickets() || recent < r.riseFactor() * expected) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%d tickets in %d days vs %s expected from the %d weeks before",
                recent, r.recentDays(), num(expected), weeks));
    }

    /** The later half of the window's tickets (by creation time) is more severe than the earlier half. */
    Optional<String> severityEscalating(AccountSignals s, Instant now) {
        SignalsPolicy.SeverityEscalating r = rules.severityEscalating();
        Instant from = now.minus(Duration.ofDays(r.windowDays()));
        List<TicketSignals> inWindow = s.tickets.values().stream()
                .filter(t -> t.createdAt() != null && t.level() != null)
                .filter(t -> !t.createdAt().isBefore(from) && !t.createdAt().isAfter(now))
                .sorted(Comparator.comparing(TicketSignals::createdAt))
                .toList();
        int n = inWindow.size();
        if (n < r.minTickets()) {
            return Optional.empty();
        }
        int half = n / 2;
        double earlier = meanSeverity(inWindow.subList(0, half));
        double later = meanSeverity(inWindow.subList(n - half, n));
        if (later - earlier < r.minRiseLevels()) {
            return Optional.empty();
        }
        String levels = inWindow.stream().skip(Math.max(0, n - 8)).map(t -> t.level().name()).collect(Collectors.joining(","));
        return Optional.of(String.format(Locale.ROOT, "severity rising over %d tickets in %d days: %s%s",
                n, r.windowDays(), n > 8 ? "…," : "", levels));
    }

    /** Average length of the recent messages has dropped to at most {@code ratio} of the earlier ones. */
    Optional<String> shorterMessages(AccountSignals s, Instant now) {
        SignalsPolicy.ShorterMessages r = rules.shorterMessages();
        Instant recentFrom = now.minus(Duration.ofDays(r.recentDays()));
        Instant earlierFrom = recentFrom.minus(Duration.ofDays(r.earlierDays()));
        List<MessageSignals> seen = s.messages.values().stream().filter(m -> m.length() != null).toList();
        List<MessageSignals> recent = seen.stream()
                .filter(m -> m.at().isAfter(recentFrom) && !m.at().isAfter(now)).toList();
        List<MessageSignals> earlier = seen.stream()
                .filter(m -> m.at().isAfter(earlierFrom) && !m.at().isAfter(recentFrom)).toList();
        if (recent.size() < r.minRecentMessages() || earlier.size() < r.minEarlierMessages()) {
            return Optional.empty();
        }
        double recentAvg = meanLength(recent);
        double earlierAvg = meanLength(earlier);
        if (earlierAvg <= 0 || recentAvg > r.ratio() * earlierAvg) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "messages average %s chars in %d days vs %s in the %d days before",
                num(recentAvg), r.recentDays(), num(earlierAvg), r.earlierDays()));
    }

    Optional<String> unresolved(AccountSignals s) {
        int open = s.unresolved();
        return open >= rules.unresolvedAtLeast()
                ? Optional.of(open + " unresolved tickets (>= " + rules.unresolvedAtLeast() + ")")
                : Optional.empty();
    }

    /** The issue key seen on the most tickets in the window, if it reaches {@code at_least}. */
    Optional<String> repeatedIssue(AccountSignals s, Instant now) {
        SignalsPolicy.RepeatedIssue r = rules.repeatedIssue();
        Instant from = now.minus(Duration.ofDays(r.withinDays()));
        Map<String, Long> perIssue = s.tickets.values().stream()
                .filter(t -> t.issueKey() != null && t.createdAt() != null)
                .filter(t -> !t.createdAt().isBefore(from) && !t.createdAt().isAfter(now))
                .collect(Collectors.groupingBy(TicketSignals::issueKey, TreeMap::new, Collectors.counting()));
        return perIssue.entrySet().stream()
                .filter(e -> e.getValue() >= r.atLeast())
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(e -> IssueKeys.describe(e.getKey()) + " on " + e.getValue() + " tickets in " + r.withinDays() + " days");
    }

    /** P1 is the most severe: 4, P4 the least: 1. */
    static int severity(PriorityLevel level) {
        return switch (level) {
            case P1 -> 4;
            case P2 -> 3;
            case P3 -> 2;
            case P4 -> 1;
        };
    }

    private static double meanSeverity(List<TicketSignals> ts) {
        return ts.stream().mapToInt(t -> severity(t.level())).average().orElse(0);
    }

    private static double meanLength(List<MessageSignals> ms) {
        return ms.stream().mapToInt(MessageSignals::length).average().orElse(0);
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
