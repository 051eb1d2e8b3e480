package io.viplane.simulate;

import java.util.Map;

/**
 * How much traffic a month brings and of what kind ({@code --volume FILE}; default
 * {@code simulate/volume.yaml}, seed 000's figures).
 *
 * @param ticketsPerMonth new tickets in 30 days, before weekend damping and outages
 * @param vipShare        share of tickets from VIP accounts (seed 000: 18%)
 * @param vipTierWeights  how the VIP tickets split over T1, T2, T3
 * @param priorityWeights help-desk severity mix (LOW, NORMAL, HIGH, URGENT)
 * @param weekendFactor   a weekend day's volume relative to a weekday's
 * @param churnTextShare  share of tickets whose text says the customer is evaluating alternatives
 * @param customerReplyShare share of tickets whose customer writes back before the ticket is solved
 * @param outages         bursts: many accounts write in within minutes
 */
record Volume(int ticketsPerMonth, double vipShare, Map<String, Double> vipTierWeights,
              Map<String, Double> priorityWeights, double weekendFactor, double churnTextShare,
              double customerReplyShare, Outages outages) {

    /** {@code perMonth} outages, each {@code accounts} tickets within {@code withinMinutes}, in working hours UTC. */
    record Outages(double perMonth, int accounts, int withinMinutes) {
    }

    Volume {
        if (ticketsPerMonth < 0 || vipShare < 0 || vipShare > 1 || weekendFactor < 0 || churnTextShare < 0
                || churnTextShare > 1
                || customerReplyShare < 0 || customerReplyShare > 1) {
            throw new IllegalArgumentException("volume: tickets_per_month >= 0, vip_share, churn_text_share and customer_reply_share in [0, 1], "
                    + "weekend_factor >= 0");
        }
        vipTierWeights = Map.copyOf(vipTierWeights);
        priorityWeights = Map.copyOf(priorityWeights);
    }
}
