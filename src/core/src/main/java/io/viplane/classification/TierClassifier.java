package io.viplane.classification;

import io.viplane.model.Account;
import io.viplane.model.AccountFlag;
import io.viplane.model.ContactRole;
import io.viplane.model.Tier;
import io.viplane.policy.AccountCriteria;
import io.viplane.policy.Policy;
import io.viplane.policy.TierRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * POLICY.md §1: a ticket takes the highest tier that its account or its contact earns. Rules are
 * listed highest first, so the first rule with a matching criterion wins; all its matching
 * criteria are kept as reasons so that ties (ARR and a flag, account and contact) are explained.
 */
public final class TierClassifier {
    private final Policy policy;

    public TierClassifier(Policy policy) {
        this.policy = policy;
    }

    public TierDecision classify(Account account, ContactRole contactRole) {
        for (TierRule rule : policy.tiers()) {
            List<String> reasons = new ArrayList<>();
            if (account != null && rule.account() != null) {
                accountReasons(rule, rule.account(), account, reasons);
            }
            if (contactRole != null && rule.contact() != null && rule.contact().rolesAny().contains(contactRole)) {
                reasons.add("TIER_" + rule.tier() + ": contact role " + contactRole);
            }
            if (!reasons.isEmpty()) {
                return new TierDecision(rule.tier(), rule.badge(), reasons);
            }
        }
        List<String> none = new ArrayList<>();
        none.add(account == null ? "TIER_STANDARD: UNKNOWN_ACCOUNT" : "TIER_STANDARD: no VIP criterion met");
        return new TierDecision(Tier.STANDARD, null, none);
    }

    private static void accountReasons(TierRule rule, AccountCriteria c, Account a, List<String> reasons) {
        String prefix = "TIER_" + rule.tier() + ": ";
        if (c.arr() != null && c.arr().contains(a.getArr())) {
            reasons.add(prefix + "ARR " + money(a.getArr()) + " " + c.arr().describe());
        }
        // A CRM may repeat a flag; one reason per flag is enough.
        for (AccountFlag flag : new LinkedHashSet<>(a.getFlags())) {
            if (c.flagsAny().contains(flag)) {
                reasons.add(prefix + "flag " + flag);
            }
        }
        if (a.getPlan() != null) {
            String plan = a.getPlan().toUpperCase(Locale.ROOT);
            if (c.plansAny().stream().anyMatch(p -> p.equalsIgnoreCase(plan))) {
                reasons.add(prefix + "plan " + plan);
            }
        }
    }

    private static String money(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
