package io.viplane.sla.clock;

import io.viplane.model.SlaMetric;
import io.viplane.model.SlaState;
import java.time.Instant;

/**
 * One SLA event to publish on {@code support.sla.events} (the lead adds ticket, account and tier).
 *
 * @param cycleStart identifies the metric's cycle (e.g. which customer message a NEXT_REPLY answers)
 * @param dueAt the due instant as known when this is published (null while paused)
 * @param occurredAt when it happened in event time: the cycle start, the pause or resume, the
 *     threshold instant for WARNING and BREACHED (not the moment it was noticed, so a replay
 *     publishes identical events), the reply for MET
 * @param elapsedMinutes clock minutes counted at {@code occurredAt}
 * @param warningFraction the fraction for a WARNING, else null
 * @param afterBreach a MET for a cycle whose breach was already published: counts as breached
 */
public record SlaTransition(
        SlaMetric metric,
        Instant cycleStart,
        SlaState state,
        Instant dueAt,
        Instant occurredAt,
        long elapsedMinutes,
        long targetMinutes,
        Double warningFraction,
        boolean afterBreach) {
}
