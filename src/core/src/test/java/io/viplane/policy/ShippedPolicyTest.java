package io.viplane.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.AccountFlag;
import io.viplane.model.Badge;
import io.viplane.model.ContactRole;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import io.viplane.model.TicketPriority;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped white-glove policy says what POLICY.md §1–2 says (the expected values are copied from there). */
class ShippedPolicyTest {
    private static PolicyLoader.LoadedPolicy loaded;
    private static Policy policy;

    @BeforeAll
    static void load() {
        loaded = PolicyLoader.load("white-glove");
        policy = loaded.policy();
    }

    private static TierRule rule(Tier tier) {
        return policy.tiers().stream().filter(r -> r.tier() == tier).findFirst().orElseThrow();
    }

    @Test
    void loadsFromTheProjectFolderByName() {
        assertEquals(Path.of("topology/policies/white-glove.yaml").toString(), loaded.origin());
        assertEquals(Path.of("topology/policies").toAbsolutePath(), loaded.baseDir());
        assertEquals("white-glove", policy.name());
        assertEquals(PolicyLoader.DEFAULT_POLICY, policy.name());
    }

    @Test
    void theSameFileLoadsByPath() {
        Policy byPath = PolicyLoader.load("topology/policies/white-glove.yaml").policy();
        assertEquals(policy, byPath);
    }

    @Test
    void theBundledCopyIsThere() throws Exception {
        // A jar started outside the project still finds its default policy.
        try (InputStream in = PolicyLoader.class.getResourceAsStream("/policies/white-glove.yaml")) {
            assertNotNull(in);
            assertEquals("white-glove", PolicyLoader.parse(in, "policies/white-glove.yaml").name());
        }
    }

    @Test
    void tiersAreListedHighestFirstWithTheirBadges() {
        assertEquals(List.of(Tier.T1, Tier.T2, Tier.T3), policy.tiers().stream().map(TierRule::tier).toList());
        assertEquals(Badge.PLATINUM, rule(Tier.T1).badge());
        assertEquals(Badge.GOLD, rule(Tier.T2).badge());
        assertEquals(Badge.BRONZE, rule(Tier.T3).badge());
    }

    @Test
    void t1IsArrOver500kStrategicFlagsOrAnExecutiveContact() {
        TierRule t1 = rule(Tier.T1);
        Range arr = t1.account().arr();
        assertFalse(arr.contains(500_000));
        assertTrue(arr.contains(500_000.01));
        assertEquals(List.of(AccountFlag.STRATEGIC_PARTNER, AccountFlag.EXEC_REVIEW, AccountFlag.BOARD_INVESTOR),
                t1.account().flagsAny());
        assertEquals(List.of(), t1.account().plansAny());
        assertEquals(List.of(ContactRole.C_LEVEL, ContactRole.VP, ContactRole.BOARD_MEMBER, ContactRole.INVESTOR),
                t1.contact().rolesAny());
    }

    @Test
    void t2IsArr100kTo500kInclusiveOrEnterpriseFlags() {
        TierRule t2 = rule(Tier.T2);
        Range arr = t2.account().arr();
        assertFalse(arr.contains(99_999.99));
        assertTrue(arr.contains(100_000));
        assertTrue(arr.contains(500_000));
        assertFalse(arr.contains(500_000.01));
        assertEquals(List.of(AccountFlag.NAMED_ENTERPRISE, AccountFlag.MULTI_DEPARTMENT, AccountFlag.HIGH_GROWTH),
                t2.account().flagsAny());
        assertTrue(t2.contact() == null || t2.contact().rolesAny().isEmpty());
    }

    @Test
    void t3IsArr50kToUnder100kPremiumPlanOrReferralPartner() {
        TierRule t3 = rule(Tier.T3);
        Range arr = t3.account().arr();
        assertFalse(arr.contains(49_999.99));
        assertTrue(arr.contains(50_000));
        assertTrue(arr.contains(99_999.99));
        assertFalse(arr.contains(100_000));
        assertEquals(List.of("PREMIUM"), t3.account().plansAny());
        assertEquals(List.of(AccountFlag.REFERRAL_PARTNER), t3.account().flagsAny());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            T1       | 15  | 30  | 120 | always  | TIER1_SENIOR | SUPPORT_VP      | 15
            T2       | 30  | 30  | 120 | account | L2_PLUS      | SUPPORT_MANAGER | 30
            T3       | 60  | 30  | 120 | account | L1_TENURED   | TEAM_LEAD       | 60
            STANDARD | 120 | 240 | 480 | account | GENERAL      | TEAM_LEAD       |
            """)
    void entitlementsFollowPolicySection2(Tier tier, int firstResponse, int nextReply, int maxWait, String clock,
                                          String queue, EscalationTarget ladder, Integer ladderMinutes) {
        Entitlement e = policy.entitlement(tier);
        assertEquals(firstResponse, e.firstResponseMinutes());
        assertEquals(nextReply, e.nextReplyMinutes());
        assertEquals(maxWait, e.maxWaitMinutes());
        assertEquals(clock, e.calendar());
        assertEquals(tier == Tier.T1, e.runsAroundTheClock());
        assertEquals(queue, e.queue());
        assertEquals(ladder, e.ladder().target());
        if (ladderMinutes != null) {
            // POLICY.md gives no response time for STANDARD's team lead.
            assertEquals(ladderMinutes, e.ladder().respondWithinMinutes());
        }
    }

    @Test
    void vipTicketsAreAssignedWithinFiveMinutes() {
        for (Tier vip : List.of(Tier.T1, Tier.T2, Tier.T3)) {
            assertEquals(5, policy.entitlement(vip).assignmentMinutes(), vip.toString());
        }
    }

    @Test
    void accountCalendarsDefaultToBusinessHoursInNewYork() {
        assertEquals("America/New_York", policy.defaults().timezone());
        assertEquals("business-hours", policy.defaults().calendar());
        assertTrue(policy.calendars().containsKey("business-hours"));
        assertEquals(90, policy.defaults().recentTicketsDays());
    }

    @Test
    void helpDeskSeverityMapsToP1ToP4() {
        assertEquals(PriorityLevel.P1, policy.priorityOf(TicketPriority.URGENT));
        assertEquals(PriorityLevel.P2, policy.priorityOf(TicketPriority.HIGH));
        assertEquals(PriorityLevel.P3, policy.priorityOf(TicketPriority.NORMAL));
        assertEquals(PriorityLevel.P4, policy.priorityOf(TicketPriority.LOW));
        // README: a missing priority counts as NORMAL.
        assertEquals(PriorityLevel.P3, policy.priorityOf(null));
    }

    @Test
    void seed000HasNoDynamicSlaAndNoRenewalBoosts() {
        assertTrue(policy.slaOverrides().isEmpty());
        assertTrue(policy.priorityScore().renewalBoosts().isEmpty());
    }
}
