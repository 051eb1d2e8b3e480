package io.viplane.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.Account;
import io.viplane.model.AccountFlag;
import io.viplane.model.Badge;
import io.viplane.model.ContactRole;
import io.viplane.model.Tier;
import io.viplane.policy.PolicyLoader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * POLICY.md §1 against the shipped white-glove policy. Expected tiers and reasons are read off
 * the policy table by hand: T1 ARR > 500K / STRATEGIC_PARTNER / EXEC_REVIEW / BOARD_INVESTOR /
 * executive contact; T2 100K..500K / NAMED_ENTERPRISE / MULTI_DEPARTMENT / HIGH_GROWTH;
 * T3 50K..<100K / plan PREMIUM / REFERRAL_PARTNER.
 */
class TierClassifierTest {
    private static TierClassifier classifier;

    @BeforeAll
    static void loadPolicy() {
        classifier = new TierClassifier(PolicyLoader.load("white-glove").policy());
    }

    private static Account account(double arr, String plan, AccountFlag... flags) {
        return Account.newBuilder().setAccountId("acc-1").setName("Acme").setArr(arr).setPlan(plan)
                .setFlags(Arrays.asList(flags)).build();
    }

    private static Account small(AccountFlag... flags) {
        return account(1000, null, flags);
    }

    @ParameterizedTest(name = "ARR {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1000000    | T1       | TIER_T1: ARR 1000000 > 500000
            500000.01  | T1       | TIER_T1: ARR 500000.01 > 500000
            500000     | T2       | TIER_T2: ARR 500000 >= 100000 and <= 500000
            250000     | T2       | TIER_T2: ARR 250000 >= 100000 and <= 500000
            100000     | T2       | TIER_T2: ARR 100000 >= 100000 and <= 500000
            99999.99   | T3       | TIER_T3: ARR 99999.99 >= 50000 and < 100000
            50000      | T3       | TIER_T3: ARR 50000 >= 50000 and < 100000
            49999.99   | STANDARD | TIER_STANDARD: no VIP criterion met
            0          | STANDARD | TIER_STANDARD: no VIP criterion met
            """)
    void arrBoundaries(double arr, Tier tier, String reason) {
        TierDecision d = classifier.classify(account(arr, null), null);
        assertEquals(tier, d.tier());
        assertEquals(List.of(reason), d.reasons());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            STRATEGIC_PARTNER | T1
            EXEC_REVIEW       | T1
            BOARD_INVESTOR    | T1
            NAMED_ENTERPRISE  | T2
            MULTI_DEPARTMENT  | T2
            HIGH_GROWTH       | T2
            REFERRAL_PARTNER  | T3
            """)
    void eachFlagAloneEarnsItsTier(AccountFlag flag, Tier tier) {
        TierDecision d = classifier.classify(small(flag), null);
        assertEquals(tier, d.tier());
        assertEquals(List.of("TIER_" + tier + ": flag " + flag), d.reasons());
    }

    @ParameterizedTest(name = "plan {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PREMIUM    | T3       | TIER_T3: plan PREMIUM
            premium    | T3       | TIER_T3: plan PREMIUM
            STARTER    | STANDARD | TIER_STANDARD: no VIP criterion met
            GROWTH     | STANDARD | TIER_STANDARD: no VIP criterion met
            ENTERPRISE | STANDARD | TIER_STANDARD: no VIP criterion met
            """)
    void planPremiumIsT3(String plan, Tier tier, String reason) {
        TierDecision d = classifier.classify(account(1000, plan), null);
        assertEquals(tier, d.tier());
        assertEquals(List.of(reason), d.reasons());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ContactRole.class, names = {"C_LEVEL", "VP", "BOARD_MEMBER", "INVESTOR"})
    void anExecutiveContactMakesAnyTicketT1(ContactRole role) {
        TierDecision d = classifier.classify(small(), role);
        assertEquals(Tier.T1, d.tier());
        assertEquals(Badge.PLATINUM, d.badge());
        assertEquals(List.of("TIER_T1: contact role " + role), d.reasons());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ContactRole.class, names = {"END_USER", "MANAGER", "DIRECTOR"})
    void otherContactRolesLeaveTheAccountsTier(ContactRole role) {
        assertEquals(Tier.STANDARD, classifier.classify(small(), role).tier());
        TierDecision t2 = classifier.classify(account(200000, null), role);
        assertEquals(Tier.T2, t2.tier());
        assertEquals(List.of("TIER_T2: ARR 200000 >= 100000 and <= 500000"), t2.reasons());
    }

    @Test
    void theHigherOfAccountAndContactWins() {
        TierDecision contactWins = classifier.classify(account(200000, null), ContactRole.VP);
        assertEquals(Tier.T1, contactWins.tier());
        assertEquals(List.of("TIER_T1: contact role VP"), contactWins.reasons());

        TierDecision accountWins = classifier.classify(account(900000, null), ContactRole.END_USER);
        assertEquals(Tier.T1, accountWins.tier());
        assertEquals(List.of("TIER_T1: ARR 900000 > 500000"), accountWins.reasons());

        assertEquals(Tier.T3, classifier.classify(account(60000, null), ContactRole.DIRECTOR).tier());
    }

    @Test
    void anUnknownAccountIsStandard() {
        TierDecision d = classifier.classify(null, null);
        assertEquals(Tier.STANDARD, d.tier());
        assertNull(d.badge());
        assertFalse(d.isVip());
        assertEquals(List.of("TIER_STANDARD: UNKNOWN_ACCOUNT"), d.reasons());

        assertEquals(Tier.STANDARD, classifier.classify(null, ContactRole.END_USER).tier());
    }

    @Test
    void anExecutiveContactOfAnAccountNotYetInTheCrmIsStillT1() {
        TierDecision d = classifier.classify(null, ContactRole.C_LEVEL);
        assertEquals(Tier.T1, d.tier());
        assertEquals(List.of("TIER_T1: contact role C_LEVEL"), d.reasons());
    }

    @Test
    void everyMatchedCriterionOfTheWinningTierIsAReason() {
        TierDecision t1 = classifier.classify(
                account(900000, "PREMIUM", AccountFlag.STRATEGIC_PARTNER, AccountFlag.EXEC_REVIEW, AccountFlag.BOARD_INVESTOR),
                ContactRole.C_LEVEL);
        assertEquals(Tier.T1, t1.tier());
        assertEquals(List.of("TIER_T1: ARR 900000 > 500000", "TIER_T1: flag STRATEGIC_PARTNER",
                "TIER_T1: flag EXEC_REVIEW", "TIER_T1: flag BOARD_INVESTOR", "TIER_T1: contact role C_LEVEL"), t1.reasons());

        TierDecision t2 = classifier.classify(
                account(300000, null, AccountFlag.NAMED_ENTERPRISE, AccountFlag.MULTI_DEPARTMENT, AccountFlag.HIGH_GROWTH),
                ContactRole.MANAGER);
        assertEquals(List.of("TIER_T2: ARR 300000 >= 100000 and <= 500000", "TIER_T2: flag NAMED_ENTERPRISE",
                "TIER_T2: flag MULTI_DEPARTMENT", "TIER_T2: flag HIGH_GROWTH"), t2.reasons());

        TierDecision t3 = classifier.classify(account(75000, "Premium", AccountFlag.REFERRAL_PARTNER), null);
        assertEquals(List.of("TIER_T3: ARR 75000 >= 50000 and < 100000", "TIER_T3: flag REFERRAL_PARTNER",
                "TIER_T3: plan PREMIUM"), t3.reasons());
    }

    @Test
    void criteriaOfLowerTiersDoNotExplainAHigherTier() {
        // A T1 account that also has a T2 flag is T1 because of its T1 criteria only.
        TierDecision d = classifier.classify(account(1000, "PREMIUM", AccountFlag.EXEC_REVIEW, AccountFlag.HIGH_GROWTH), null);
        assertEquals(Tier.T1, d.tier());
        assertEquals(List.of("TIER_T1: flag EXEC_REVIEW"), d.reasons());
    }

    @Test
    void aRepeatedFlagIsOneReason() {
        TierDecision d = classifier.classify(small(AccountFlag.HIGH_GROWTH, AccountFlag.HIGH_GROWTH), null);
        assertEquals(List.of("TIER_T2: flag HIGH_GROWTH"), d.reasons());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            T1       | PLATINUM
            T2       | GOLD
            T3       | BRONZE
            """)
    void badges(Tier tier, Badge badge) {
        Account a = switch (tier) {
            case T1 -> small(AccountFlag.STRATEGIC_PARTNER);
            case T2 -> small(AccountFlag.NAMED_ENTERPRISE);
            default -> small(AccountFlag.REFERRAL_PARTNER);
        };
        TierDecision d = classifier.classify(a, null);
        assertEquals(tier, d.tier());
        assertEquals(badge, d.badge());
        assertTrue(d.isVip());
    }

    @Test
    void standardHasNoBadge() {
        TierDecision d = classifier.classify(small(), ContactRole.END_USER);
        assertEquals(Tier.STANDARD, d.tier());
        assertNull(d.badge());
        assertFalse(d.isVip());
    }
}
