package io.viplane.sla;

import io.viplane.model.Account;
import io.viplane.model.Tier;

/** Chooses how a ticket's SLA minutes are counted, from its tier's entitlement and its account. */
@FunctionalInterface
public interface SlaTimeResolver {
    SlaTime resolve(Tier tier, Account account);

    /** Calendar time for every tier (no business hours). */
    SlaTimeResolver AROUND_THE_CLOCK = (tier, account) -> SlaTime.AROUND_THE_CLOCK;
}
