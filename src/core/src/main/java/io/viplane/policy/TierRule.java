package io.viplane.policy;

import io.viplane.model.Badge;
import io.viplane.model.Tier;

/** A tier is earned when any account criterion or any contact criterion holds. */
public record TierRule(Tier tier, Badge badge, String label, AccountCriteria account, ContactCriteria contact) {
}
