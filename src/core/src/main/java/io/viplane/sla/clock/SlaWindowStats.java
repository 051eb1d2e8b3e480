package io.viplane.sla.clock;

import io.viplane.model.SlaMetric;
import io.viplane.model.SlaWindowMetrics;
import io.viplane.model.Tier;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * SLA metrics of one tier in one tumbling window, folded from {@link SlaTransition}s (state, CBOR
 * serializable: public fields). The lead keeps one per (tier, window) and publishes
 * {@link #toRecord} on {@code support.sla.metrics}.
 *
 * <p>First-response minutes are kept in a histogram so the state stays bounded whatever the
 * traffic: exact minutes below 2 hours, 15-minute buckets below a day, hourly buckets above, capped
 * at 30 days: at most about 900 entries. The average is exact (sum and count); the p90 is exact
 * below 2 hours and otherwise the lower edge of its bucket.
 */
public final class SlaWindowStats {
    static final long EXACT_BELOW = 120;
    static final long QUARTER_HOURS_BELOW = 1440;
    static final long CAP = 30L * 1440;

    /** FIRST_RESPONSE cycles started (one per ticket). */
    public long tickets;
    public long firstResponses;
    public long firstResponseMinutesSum;
    /** Bucket lower edge (minutes) to count. */
    public TreeMap<Long, Long> firstResponseHistogram = new TreeMap<>();
    /** Cycles met before their due time and without a published breach, any metric. */
    public long met;
    public long breaches;
    public long escalations;
    /** Escalations per kind name (issue 18: the escalation rate per tier and kind). */
    public TreeMap<String, Long> escalationsByKind = new TreeMap<>();

    /**
     * The kinds that go up the tier's ladder for a ticket (seed 000's "escalation rate"); notices such as
     * CSM alerts, SLA warnings or follow-ups due are counted per kind but not in this rate.
     */
    public static final java.util.Set<String> LADDER_KINDS =
            java.util.Set.of("EXECUTIVE_ESCALATION", "NEGATIVE_SENTIMENT", "SLA_BREACH", "UNASSIGNED");

    /** Folds one transition of a ticket of this tier whose occurred_at falls in this window. */
    public void add(SlaTransition t) {
        switch (t.state()) {
            case STARTED -> {
                if (t.metric() == SlaMetric.FIRST_RESPONSE) {
                    tickets++;
                }
            }
            case BREACHED -> breaches++;
            case MET -> {
                if (!t.afterBreach()) {
                    met++;
                }
                if (t.metric() == SlaMetric.FIRST_RESPONSE) {
                    firstResponses++;
                    firstResponseMinutesSum += t.elapsedMinutes();
                    firstResponseHistogram.merge(bucket(t.elapsedMinutes()), 1L, Long::sum);
                }
            }
            default -> { }
        }
    }

    /** An escalation of a ticket of this tier in this window (counted by the escalation processor). */
    public void escalated() {
        escalations++;
    }

    /** As {@link #escalated()}, of a known kind. */
    public void escalated(String kind) {
        escalated();
        if (kind != null) {
            escalationsByKind.merge(kind, 1L, Long::sum);
        }
    }

    public long ladderEscalations() {
        return escalationsByKind.entrySet().stream().filter(e -> LADDER_KINDS.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** {@code count} per 100 of this window's tickets; null without tickets. */
    public Double per100Tickets(long count) {
        return tickets == 0 ? null : 100.0 * count / tickets;
    }

    public Double firstResponseAvgMinutes() {
        return firstResponses == 0 ? null : (double) firstResponseMinutesSum / firstResponses;
    }

    /** Nearest-rank 90th percentile. */
    public Long firstResponseP90Minutes() {
        if (firstResponses == 0) {
            return null;
        }
        long rank = (long) Math.ceil(0.9 * firstResponses);
        long seen = 0;
        for (Map.Entry<Long, Long> e : firstResponseHistogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return firstResponseHistogram.lastKey();
    }

    /** Met in time / (met + breached), in percent; null when no cycle ended. */
    public Double attainmentPct() {
        long ended = met + breaches;
        return ended == 0 ? null : 100.0 * met / ended;
    }

    /**
     * @param window {@code HOUR} or {@code DAY}
     * @param standard the STANDARD tier's stats for the same window, for the VIP-vs-standard gap
     *     (null when unknown; ignored for STANDARD itself)
     */
    public SlaWindowMetrics toRecord(Tier tier, String window, Instant start, Instant end, SlaWindowStats standard) {
        Double mine = firstResponseAvgMinutes();
        Double theirs = standard == null ? null : standard.firstResponseAvgMinutes();
        Double gap = tier == Tier.STANDARD || mine == null || theirs == null ? null : theirs - mine;
        return SlaWindowMetrics.newBuilder()
                .setTier(tier).setWindow(window).setWindowStart(start).setWindowEnd(end)
                .setTickets(tickets)
                .setFirstResponseAvgMinutes(mine)
                .setFirstResponseP90Minutes(firstResponseP90Minutes())
                .setAttainmentPct(attainmentPct())
                .setBreaches(breaches)
                .setEscalations(escalations)
                .setVipStandardGapMinutes(gap)
                .setEscalationsPer100Tickets(per100Tickets(escalations))
                .setLadderEscalations(ladderEscalations())
                .setLadderEscalationsPer100Tickets(per100Tickets(ladderEscalations()))
                .setEscalationsByKind(escalationsByKind.entrySet().stream()
                        .map(e -> io.viplane.model.EscalationKindCount.newBuilder().setKind(e.getKey())
                                .setEscalations(e.getValue()).setPer100Tickets(per100Tickets(e.getValue())).build())
                        .toList())
                .build();
    }

    static long bucket(long minutes) {
        long m = Math.min(Math.max(0, minutes), CAP);
        if (m < EXACT_BELOW) {
            return m;
        }
        return m < QUARTER_HOURS_BELOW ? m - m % 15 : m - m % 60;
    }
}
