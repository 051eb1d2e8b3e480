package io.viplane.sla.clock;

import io.viplane.model.TicketStatus;
import io.viplane.sla.SlaTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every SLA clock of a ticket as of an instant, recomputed from the ticket's facts each time
 * (pure). Because nothing is carried over between calls, a late or out-of-order event and a change
 * of tier, priority or renewal window (dynamic SLA) need no special case: the next evaluation just
 * sees different facts. What has already been published is the {@link SlaLedger}'s business.
 */
public final class SlaClocks {
    private final SlaPolicy policy;

    public SlaClocks(SlaPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param tierTime how the ticket's tier counts minutes (its business calendar, or 24/7); metrics
     *     whose policy clock is {@code always} count 24/7 whatever this is
     * @param now the processor's stream time; facts later than it are not yet taken into account
     * @return one clock per cycle, by metric in policy order, then by cycle start
     */
    public List<MetricClock> evaluate(SlaTicket t, SlaTime tierTime, Instant now) {
        return evaluate(t, tierTime, now, now);
    }

    /**
     * @param seen the ticket's events up to this instant count
     * @param now  the clocks are evaluated as of this instant (warnings and breaches up to it are reached);
     *             earlier than {@code seen} while a late event of the ticket may still arrive
     */
    public List<MetricClock> evaluate(SlaTicket t, SlaTime tierTime, Instant seen, Instant now) {
        Facts f = new Facts(t, seen, policy.resolvedStatuses());
        List<MetricClock> out = new ArrayList<>();
        for (MetricRule rule : policy.metrics().values()) {
            Integer target = rule.targetFor(t);
            if (target == null) {
                continue;
            }
            SlaTime time = rule.clock() == MetricRule.Clock.ALWAYS ? SlaTime.AROUND_THE_CLOCK : tierTime;
            new MetricEvaluation(rule, target, time, f, now, policy.metAfterBreach()).cycles(out);
        }
        return out;
    }

    /** One metric of one ticket. */
    private static final class MetricEvaluation {
        private final MetricRule rule;
        private final long target;
        private final SlaTime time;
        private final Facts f;
        private final Instant now;
        private final SlaPolicy.MetAfterBreach metAfterBreach;

        MetricEvaluation(MetricRule rule, long target, SlaTime time, Facts f, Instant now,
                         SlaPolicy.MetAfterBreach metAfterBreach) {
            this.metAfterBreach = metAfterBreach;
            this.rule = rule;
            this.target = target;
            this.time = time;
            this.f = f;
            this.now = now;
        }

        void cycles(List<MetricClock> out) {
            Instant openUntil = null;
            boolean open = false;
            for (Instant start : starts()) {
                if (open || (openUntil != null && start.isBefore(openUntil))) {
                    continue; // a cycle is owed once: a start inside a running cycle is part of it
                }
                MetricClock c = cycle(start);
                out.add(c);
                open = c.endedAt() == null;
                openUntil = c.endedAt();
            }
        }

        /** Anchor instants, plus reopens when the policy restarts, each moved out of a stop status. */
        private TreeSet<Instant> starts() {
            List<Instant> anchors = new ArrayList<>();
            switch (rule.start()) {
                case CREATED -> {
                    if (f.created != null) {
                        anchors.add(f.created);
                    }
                }
                case CUSTOMER_MESSAGE -> f.runs.forEach(r -> anchors.add(r.start()));
                case RESOLVED -> anchors.addAll(f.resolvedAt);
            }
            if (rule.onReopen() == MetricRule.OnReopen.RESTART) {
                for (Instant r : f.reopenedAt) {
                    if (owedAt(r)) {
                        anchors.add(r);
                    }
                }
            }
            TreeSet<Instant> starts = new TreeSet<>();
            for (Instant a : anchors) {
                Instant s = outOfStop(a);
                if (s != null) {
                    starts.add(s);
                }
            }
            return starts;
        }

        /**
         * A clock cannot start while the ticket is in one of its stop statuses (a customer writing
         * to a solved ticket): it starts when the ticket leaves them, if it does.
         */
        private Instant outOfStop(Instant a) {
            if (!in(rule.stopStatuses(), f.statusAt(a))) {
                return a;
            }
            for (StatusChange c : f.changes) {
                if (c.at().isAfter(a) && !rule.stopStatuses().contains(c.status())) {
                    return c.at();
                }
            }
            return null;
        }

        private boolean owedAt(Instant r) {
            return switch (rule.metBy()) {
                case FIRST_AGENT_REPLY -> f.firstReply == null || f.firstReply.isAfter(r);
                case FIRST_ASSIGNMENT -> f.firstAssigned == null || f.firstAssigned.isAfter(r);
                case RESOLVED -> true;
                case AGENT_REPLY -> rule.start() != MetricRule.Start.CUSTOMER_MESSAGE || f.runs.stream()
                        .anyMatch(run -> !run.start().isAfter(r)
                                && (run.answeredAt() == null || run.answeredAt().isAfter(r)));
            };
        }

        private Instant metAt(Instant s) {
            return switch (rule.metBy()) {
                case FIRST_AGENT_REPLY -> f.firstReply == null ? null : max(s, f.firstReply);
                case FIRST_ASSIGNMENT -> f.firstAssigned == null ? null : max(s, f.firstAssigned);
                case RESOLVED -> f.resolvedAt.stream().filter(x -> !x.isBefore(s)).findFirst().orElse(null);
                case AGENT_REPLY -> {
                    Instant notBefore = rule.metNotBeforeMinutes() > 0 ? time.plusMinutes(s, rule.metNotBeforeMinutes()) : s;
                    yield f.replies.stream().filter(x -> !x.isBefore(notBefore)).findFirst().orElse(null);
                }
            };
        }

        private Instant stoppedAt(Instant s) {
            for (StatusChange c : f.changes) {
                if (c.at().isAfter(s) && rule.stopStatuses().contains(c.status())) {
                    return c.at();
                }
            }
            return null;
        }

        private MetricClock cycle(Instant s) {
            Instant met = metAt(s);
            Instant stop = stoppedAt(s);
            if (met != null && stop != null) {
                if (met.isAfter(stop)) {
                    met = null; // stopped first; a reply at the very instant of the stop still counts
                } else {
                    stop = null;
                }
            }
            Instant end = met != null ? met : stop;
            List<Segment> segments = segments(s, end);

            List<MetricClock.Pause> pauses = new ArrayList<>();
            long elapsed = 0;
            for (Segment seg : segments) {
                if (seg.paused) {
                    Instant pauseEnd = seg.to == null || seg.to.equals(end) ? null : seg.to;
                    MetricClock.Pause last = pauses.isEmpty() ? null : pauses.get(pauses.size() - 1);
                    if (last != null && last.end() != null && last.end().equals(seg.from)) {
                        pauses.set(pauses.size() - 1, new MetricClock.Pause(last.start(), pauseEnd, last.elapsedMinutes()));
                    } else {
                        pauses.add(new MetricClock.Pause(seg.from, pauseEnd, elapsed));
                    }
                } else {
                    Instant to = seg.to == null ? now : seg.to;
                    elapsed += to.isAfter(seg.from) ? time.minutesBetween(seg.from, to) : 0;
                }
            }
            List<Instant> warnAts = new ArrayList<>();
            List<Long> warnMinutes = new ArrayList<>();
            for (double fraction : rule.warningFractions()) {
                long minutes = Math.max(1, (long) Math.ceil(fraction * target));
                warnMinutes.add(minutes);
                warnAts.add(threshold(segments, minutes, end));
            }
            MetricClock.Phase phase = met != null ? MetricClock.Phase.MET
                    : stop != null ? MetricClock.Phase.STOPPED
                    : !segments.isEmpty() && segments.get(segments.size() - 1).paused ? MetricClock.Phase.PAUSED
                    : MetricClock.Phase.RUNNING;
            return new MetricClock(rule.metric(), s, phase, threshold(segments, target, end), target, elapsed,
                    met, stop, rule.warningFractions(), warnAts, warnMinutes, pauses, now, metAfterBreach);
        }

        /**
         * When {@code minutes} running minutes have elapsed: inside a running segment, or projected
         * past the end of an ended cycle; null when the cycle is open and paused before reaching it.
         */
        private Instant threshold(List<Segment> segments, long minutes, Instant end) {
            long remaining = minutes;
            for (Segment seg : segments) {
                if (seg.paused) {
                    continue;
                }
                if (seg.to == null) {
                    return time.plusMinutes(seg.from, remaining);
                }
                long m = time.minutesBetween(seg.from, seg.to);
                if (m >= remaining) {
                    return time.plusMinutes(seg.from, remaining);
                }
                remaining -= m;
            }
            return end == null ? null : time.plusMinutes(end, remaining);
        }

        /** [s, end) cut at each status change, each piece paused or running; the last is open-ended when end is null. */
        private List<Segment> segments(Instant s, Instant end) {
            List<Segment> out = new ArrayList<>();
            Instant from = s;
            boolean paused = in(rule.pauseStatuses(), f.statusAt(s));
            for (StatusChange c : f.changes) {
                if (!c.at().isAfter(s) || (end != null && !c.at().isBefore(end))) {
                    continue;
                }
                boolean p = rule.pauseStatuses().contains(c.status());
                if (p != paused) {
                    out.add(new Segment(from, c.at(), paused));
                    from = c.at();
                    paused = p;
                }
            }
            if (end == null || end.isAfter(from)) {
                out.add(new Segment(from, end, paused));
            }
            return out;
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /** Immutable sets reject contains(null); no status yet means open. */
    private static boolean in(Set<TicketStatus> set, TicketStatus s) {
        return s != null && set.contains(s);
    }

    private record Segment(Instant from, Instant to, boolean paused) {
    }

    /** An unanswered run of customer messages: starts at its oldest, answered by the next agent reply. */
    private record Run(Instant start, Instant answeredAt) {
    }

    /** The ticket's facts up to {@code now}, with solves, reopens and message runs worked out once. */
    private static final class Facts {
        final Instant created;
        final Instant firstReply;
        final Instant firstAssigned;
        final List<Instant> replies = new ArrayList<>();
        final List<StatusChange> changes = new ArrayList<>();
        final List<Instant> resolvedAt = new ArrayList<>();
        final List<Instant> reopenedAt = new ArrayList<>();
        final List<Run> runs = new ArrayList<>();

        Facts(SlaTicket t, Instant now, Set<TicketStatus> resolved) {
            created = upTo(t.createdAt(), now);
            TreeSet<Instant> r = new TreeSet<>();
            t.agentReplies().stream().filter(x -> !x.isAfter(now)).forEach(r::add);
            Instant first = upTo(t.firstAgentReplyAt(), now);
            if (first != null) {
                r.add(first);
            }
            replies.addAll(r);
            firstReply = first != null ? first : (r.isEmpty() ? null : r.first());
            firstAssigned = upTo(t.firstAssignedAt(), now);
            t.statusChanges().stream().filter(c -> !c.at().isAfter(now)).forEach(changes::add);

            boolean wasResolved = false;
            for (StatusChange c : changes) {
                boolean isResolved = in(resolved, c.status());
                if (isResolved && !wasResolved) {
                    resolvedAt.add(c.at());
                } else if (!isResolved && wasResolved) {
                    reopenedAt.add(c.at());
                }
                wasResolved = isResolved;
            }
            if (firstReply != null) {
                Instant runAnswer = null;
                boolean inRun = false;
                for (Instant m : t.customerMessages()) {
                    if (m.isAfter(now)) {
                        break;
                    }
                    Instant answer = replies.stream().filter(x -> !x.isBefore(m)).findFirst().orElse(null);
                    boolean sameRun = inRun && java.util.Objects.equals(answer, runAnswer);
                    if (!sameRun && !firstReply.equals(answer)) {
                        // the messages the first reply answered belong to FIRST_RESPONSE, not NEXT_REPLY
                        runs.add(new Run(m, answer));
                    }
                    inRun = true;
                    runAnswer = answer;
                }
            }
        }

        /** Status at {@code x}: the last change at or before it (null, i.e. open, before any). */
        TicketStatus statusAt(Instant x) {
            TicketStatus s = null;
            for (StatusChange c : changes) {
                if (c.at().isAfter(x)) {
                    break;
                }
                s = c.status();
            }
            return s;
        }

        private static Instant upTo(Instant x, Instant now) {
            return x == null || x.isAfter(now) ? null : x;
        }
    }
}
