package io.viplane.sla.clock;

import io.viplane.model.SlaMetric;
import io.viplane.model.TicketStatus;
import java.util.List;
import java.util.Set;

/**
 * How one SLA metric is measured, as bound from {@code sla.metrics.<METRIC>} of the policy.
 *
 * @param clock whose minutes count: the ticket's tier calendar or 24/7
 * @param start what opens a cycle of the clock
 * @param metBy what satisfies a cycle
 * @param metNotBeforeMinutes replies earlier than this many clock minutes after the cycle start do
 *     not count (so the resolution summary is not mistaken for the 24-hour follow-up)
 * @param stopStatuses entering one of these ends a running cycle without MET or BREACHED
 * @param pauseStatuses the clock does not count while the ticket is in one of these
 * @param onReopen whether a reopen starts a fresh cycle while the metric is still owed
 * @param warningFractions fractions of the target at which a WARNING is published, ascending
 * @param targets candidate targets; the tightest one that applies to the ticket wins
 */
public record MetricRule(
        SlaMetric metric,
        Clock clock,
        Start start,
        MetBy metBy,
        long metNotBeforeMinutes,
        Set<TicketStatus> stopStatuses,
        Set<TicketStatus> pauseStatuses,
        OnReopen onReopen,
        List<Double> warningFractions,
        List<TargetRule> targets) {

    public MetricRule {
        stopStatuses = Set.copyOf(stopStatuses);
        pauseStatuses = Set.copyOf(pauseStatuses);
        warningFractions = List.copyOf(warningFractions);
        targets = List.copyOf(targets);
    }

    /** {@code tier}: the calendar of the ticket's tier and account; {@code always}: 24/7. */
    public enum Clock { TIER, ALWAYS }

    /**
     * CREATED: the ticket's creation; CUSTOMER_MESSAGE: the oldest customer message still waiting for
     * an agent reply once the first response has been given; RESOLVED: each time the ticket enters a
     * resolved status.
     */
    public enum Start { CREATED, CUSTOMER_MESSAGE, RESOLVED }

    /**
     * FIRST_AGENT_REPLY: the ticket's first public agent reply; AGENT_REPLY: the first public agent
     * reply at or after the cycle start; FIRST_ASSIGNMENT: the first assignment; RESOLVED: the ticket
     * entering a resolved status.
     */
    public enum MetBy { FIRST_AGENT_REPLY, AGENT_REPLY, FIRST_ASSIGNMENT, RESOLVED }

    /** NONE: a stopped or met cycle stays so; RESTART: a reopen starts a new cycle if still owed. */
    public enum OnReopen { NONE, RESTART }

    /** Target minutes for this ticket, or null when the metric does not apply to it. */
    public Integer targetFor(SlaTicket t) {
        Integer best = null;
        for (TargetRule r : targets) {
            Integer m = r.minutesFor(t);
            if (m != null && (best == null || m < best)) {
                best = m;
            }
        }
        return best;
    }
}
