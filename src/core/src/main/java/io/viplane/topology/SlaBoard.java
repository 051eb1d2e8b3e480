package io.viplane.topology;

import io.viplane.model.Escalation;
import io.viplane.model.SlaEvent;
import io.viplane.model.SlaState;
import io.viplane.model.SlaWindowMetrics;
import io.viplane.model.Tier;
import io.viplane.sla.clock.SlaTransition;
import io.viplane.sla.clock.SlaWindowStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every tier's SLA figures of one window, kept together so the VIP-versus-standard gap (POLICY.md §3)
 * can be computed from one aggregate. State: CBOR, public fields.
 */
public final class SlaBoard {
    public Map<Tier, SlaWindowStats> tiers = new EnumMap<>(Tier.class);

    SlaBoard add(SpecificRecord r) {
        if (r instanceof SlaEvent e) {
            // The contract event carries what the window needs; a MET later than its target was a breach first.
            boolean late = e.getState() == SlaState.MET && e.getElapsedMinutes() > e.getTargetMinutes();
            stats(e.getTier()).add(new SlaTransition(e.getMetric(), e.getOccurredAt(), e.getState(), e.getDueAt(),
                    e.getOccurredAt(), e.getElapsedMinutes(), e.getTargetMinutes(), null, late));
        } else if (r instanceof Escalation e) {
            stats(e.getTier()).escalated(e.getKind() == null ? null : e.getKind().name());
        }
        return this;
    }

    List<SlaWindowMetrics> records(String window, Instant start, Instant end) {
        List<SlaWindowMetrics> out = new ArrayList<>();
        SlaWindowStats standard = tiers.get(Tier.STANDARD);
        tiers.forEach((tier, stats) -> out.add(stats.toRecord(tier, window, start, end, standard)));
        return out;
    }

    private SlaWindowStats stats(Tier tier) {
        return tiers.computeIfAbsent(tier, t -> new SlaWindowStats());
    }
}
