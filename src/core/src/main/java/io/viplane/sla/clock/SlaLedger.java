package io.viplane.sla.clock;

import io.viplane.model.SlaMetric;
import io.viplane.model.SlaState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What has been published for one ticket's SLA clocks (state, CBOR serializable: public fields).
 * Compares freshly evaluated clocks with it and returns only what is new, so each STARTED, WARNING
 * (per fraction), BREACHED and MET is published once per metric cycle, also after a restart, and a
 * late reply never produces a second breach.
 *
 * <p>Bounded: at most {@link #MAX_CYCLES_PER_METRIC} cycles per metric. When a metric has more,
 * the oldest is dropped and its start becomes the metric's {@code settledUpTo} watermark: clocks
 * starting at or before it are ignored. That is safe because cycles of a metric follow each other
 * (a new NEXT_REPLY cycle needs the previous one answered), so by the time eight newer ones exist
 * the oldest has long been met, breached or stopped; the only loss is a brand-new cycle that a
 * very late event would place before eight later ones, which is then not announced.
 */
public final class SlaLedger {
    public static final int MAX_CYCLES_PER_METRIC = 8;

    public List<Cycle> cycles = new ArrayList<>();
    /** Per metric: cycles starting at or before this were trimmed and are never announced again. */
    public Map<SlaMetric, Instant> settledUpTo = new EnumMap<>(SlaMetric.class);
    /** See {@link #nextWakeUp()}. */
    public Instant wakeUpAt;

    /** What has been published for one cycle. */
    public static final class Cycle {
        public SlaMetric metric;
        public Instant start;
        public boolean started;
        public List<Double> warned = new ArrayList<>();
        public boolean breached;
        public boolean met;
        /** Start of the latest pause announced; older pauses that arrive late are not announced. */
        public Instant pausedUpTo;
        public Instant resumedUpTo;

        public Cycle() {
        }

        Cycle(SlaMetric metric, Instant start) {
            this.metric = metric;
            this.start = start;
        }
    }

    /**
     * @param clocks all clocks of the ticket, as just evaluated by {@link SlaClocks#evaluate}
     * @param now the same instant the clocks were evaluated at (stream time)
     * @return what must be published now, ordered by occurred_at
     */
    public List<SlaTransition> update(List<MetricClock> clocks, Instant now) {
        List<SlaTransition> out = new ArrayList<>();
        Instant wake = null;
        followMovedStarts(clocks);
        for (MetricClock c : clocks) {
            Instant settled = settledUpTo.get(c.metric());
            if (settled != null && !c.cycleStart().isAfter(settled)) {
                continue;
            }
            Cycle rec = cycle(c.metric(), c.cycleStart());
            publish(c, rec, out);
            wake = earliest(wake, wakeUp(c, rec, now));
        }
        trim();
        wakeUpAt = wake;
        out.sort(Comparator.comparing(SlaTransition::occurredAt)); // stable: per cycle order stays
        return out;
    }

    /**
     * The earliest future warning or due instant of a running clock that has not been published,
     * as of the last {@link #update}; null when nothing is pending (the lead indexes it so a
     * punctuator can wake the ticket without an event).
     */
    public Instant nextWakeUp() {
        return wakeUpAt;
    }

    private void publish(MetricClock c, Cycle rec, List<SlaTransition> out) {
        if (!rec.started) {
            rec.started = true;
            out.add(transition(c, SlaState.STARTED, c.dueAt(), c.cycleStart(), 0, null, false));
        }
        for (MetricClock.Pause p : c.pauses()) {
            if (rec.pausedUpTo == null || p.start().isAfter(rec.pausedUpTo)) {
                rec.pausedUpTo = p.start();
                out.add(transition(c, SlaState.PAUSED, null, p.start(), p.elapsedMinutes(), null, false));
            }
            if (p.end() != null && (rec.resumedUpTo == null || p.end().isAfter(rec.resumedUpTo))) {
                rec.resumedUpTo = p.end();
                out.add(transition(c, SlaState.RESUMED, c.dueAt(), p.end(), p.elapsedMinutes(), null, false));
            }
        }
        if (!rec.met && !rec.breached) {
            for (int i = 0; i < c.warningFractions().size(); i++) {
                Double fraction = c.warningFractions().get(i);
                Instant at = c.warningAts().get(i);
                if (!rec.warned.contains(fraction) && c.reached(at)) {
                    rec.warned.add(fraction);
                    out.add(transition(c, SlaState.WARNING, c.dueAt(), at, c.warningMinutes().get(i), fraction, false));
                }
            }
            Instant breach = c.breachedAt();
            if (breach != null) {
                rec.breached = true;
                out.add(transition(c, SlaState.BREACHED, breach, breach, c.targetMinutes(), null, false));
            }
        }
        // A reply is published once the clock's "now" has reached it, like every other transition: replaying,
        // "now" lags the ticket's own history by the allowed lateness, and a reply after the due time must
        // come after its breach, not instead of it.
        if (c.phase() == MetricClock.Phase.MET && !rec.met && !c.metAt().isAfter(c.asOf())) {
            rec.met = true;
            if (!rec.breached || c.metAfterBreach() == SlaPolicy.MetAfterBreach.EMIT) {
                out.add(transition(c, SlaState.MET, c.dueAt(), c.metAt(), c.elapsedMinutes(), null, rec.breached));
            }
        }
    }

    private static Instant wakeUp(MetricClock c, Cycle rec, Instant now) {
        if (rec.met) {
            return null;
        }
        Instant wake = null;
        Instant end = c.endedAt();
        if (!rec.breached) {
            // Thresholds while the cycle was open; an ended cycle's are in its history but may lie after "now".
            for (int i = 0; i < c.warningAts().size(); i++) {
                Instant at = c.warningAts().get(i);
                if (at != null && at.isAfter(now) && !rec.warned.contains(c.warningFractions().get(i))
                        && (end == null || at.isBefore(end))) {
                    wake = earliest(wake, at);
                }
            }
            if (c.dueAt() != null && c.dueAt().isAfter(now) && (end == null || c.dueAt().isBefore(end))) {
                wake = earliest(wake, c.dueAt());
            }
        }
        if (c.phase() == MetricClock.Phase.MET && c.metAt().isAfter(now)) {
            wake = earliest(wake, c.metAt());
        }
        return wake;
    }

    private static SlaTransition transition(MetricClock c, SlaState state, Instant due, Instant at, long elapsed,
                                            Double fraction, boolean afterBreach) {
        return new SlaTransition(c.metric(), c.cycleStart(), state, due, at, elapsed, c.targetMinutes(), fraction,
                afterBreach);
    }

    /**
     * A late event can move a cycle's start earlier (a CREATED that arrives after the ticket's first
     * update; a customer message older than the one that opened the wait). When a metric has exactly one
     * cycle both in the ledger and in the clocks, and the clock starts earlier, it is the same cycle moved:
     * re-key it, so nothing it already published (STARTED, a warning, a breach) goes out again.
     */
    private void followMovedStarts(List<MetricClock> clocks) {
        Map<SlaMetric, List<MetricClock>> now = new EnumMap<>(SlaMetric.class);
        clocks.forEach(c -> now.computeIfAbsent(c.metric(), k -> new ArrayList<>()).add(c));
        now.forEach((metric, list) -> {
            List<Cycle> known = cycles.stream().filter(c -> c.metric == metric).toList();
            // Only earlier: a later start is a new cycle (the next wait after a reply), never a moved one.
            if (list.size() == 1 && known.size() == 1 && list.get(0).cycleStart().isBefore(known.get(0).start)
                    && settledUpTo.get(metric) == null) {
                known.get(0).start = list.get(0).cycleStart();
            }
        });
    }

    private Cycle cycle(SlaMetric metric, Instant start) {
        for (Cycle c : cycles) {
            if (c.metric == metric && c.start.equals(start)) {
                return c;
            }
        }
        Cycle c = new Cycle(metric, start);
        cycles.add(c);
        return c;
    }

    private void trim() {
        Map<SlaMetric, List<Cycle>> byMetric = new EnumMap<>(SlaMetric.class);
        for (Cycle c : cycles) {
            byMetric.computeIfAbsent(c.metric, k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<SlaMetric, List<Cycle>> e : byMetric.entrySet()) {
            List<Cycle> list = e.getValue();
            list.sort(Comparator.comparing(c -> c.start));
            for (int i = 0; i < list.size() - MAX_CYCLES_PER_METRIC; i++) {
                Cycle old = list.get(i);
                cycles.remove(old);
                settledUpTo.merge(e.getKey(), old.start, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
