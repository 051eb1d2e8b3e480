package io.viplane.routing.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.Agent;
import io.viplane.model.AgentLevel;
import io.viplane.model.AgentStatus;
import io.viplane.model.Tier;
import io.viplane.policy.PolicyLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Load rules of seed 000 (white-glove.yaml agents:): 40% VIP cap, T1 overflow, continuity, tenure. */
class AgentSuggesterTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private static final AgentSuggester WHITE_GLOVE =
            new AgentSuggester(AgentPolicy.fromPolicy(PolicyLoader.load("white-glove").policy()));

    static Agent agent(String id, AgentLevel level, AgentStatus status, String pool, int open, int vip) {
        return Agent.newBuilder().setAgentId(id).setLevel(level).setStatus(status)
                .setPools(pool == null ? List.of() : List.of(pool)).setOpenTickets(open).setOpenVipTickets(vip)
                .setHiredOn(TODAY.minusYears(3)).build();
    }

    static Agent available(String id, AgentLevel level, String pool, int open, int vip) {
        return agent(id, level, AgentStatus.AVAILABLE, pool, open, vip);
    }

    private static SuggestionRequest vip(Tier tier, String pool, String previous) {
        return new SuggestionRequest(tier, pool, null, true, previous, false);
    }

    @Test
    void lowestLoadInThePool() {
        Suggestion s = WHITE_GLOVE.suggest(vip(Tier.T1, "TIER1_SENIOR", null), List.of(
                available("a-1", AgentLevel.L3, "TIER1_SENIOR", 5, 1),
                available("a-2", AgentLevel.L3, "TIER1_SENIOR", 3, 1),
                available("a-3", AgentLevel.L3, "L2_PLUS", 0, 0)), TODAY);   // not in the pool
        assertEquals("a-2", s.agentId());
        assertFalse(s.overflow());
        assertEquals(List.of("AGENT a-2: TIER1_SENIOR, L3, 3 open, VIP share 33%"), s.reasons());
    }

    @Test
    void tiesGoToFewerVipTicketsThenTheSmallestId() {
        List<Agent> roster = new ArrayList<>(List.of(
                available("a-9", AgentLevel.L2, "L2_PLUS", 4, 0),
                available("a-5", AgentLevel.L2, "L2_PLUS", 4, 1),
                available("a-7", AgentLevel.L2, "L2_PLUS", 4, 0)));
        SuggestionRequest r = new SuggestionRequest(Tier.T2, "L2_PLUS", AgentLevel.L2, false, null, false);
        assertEquals("a-7", WHITE_GLOVE.suggest(r, roster, TODAY).agentId());
        Collections.reverse(roster);
        assertEquals("a-7", WHITE_GLOVE.suggest(r, roster, TODAY).agentId(), "the order of the roster does not matter");
    }

    // open | open VIP | eligible for one more VIP ticket (cap 40%, checked from 5 open tickets)
    @ParameterizedTest(name = "{0} open, {1} VIP: {2}")
    @CsvSource(textBlock = """
            9, 3, true
            9, 4, false
            4, 1, true
            4, 2, false
            3, 3, true
            0, 0, true
            14, 5, true
            14, 6, false
            """)
    void vipShareCap(int open, int vipOpen, boolean eligible) {
        // (vip + 1) / (open + 1) <= 40%: 4/10 yes, 5/10 no, 2/5 yes, 3/5 no; below 5 tickets (4 of 4) no check
        Suggestion s = WHITE_GLOVE.suggest(vip(Tier.T2, "L2_PLUS", null),
                List.of(available("a-1", AgentLevel.L2, "L2_PLUS", open, vipOpen)), TODAY);
        assertEquals(eligible, s.found(), s.reasons().toString());
        assertEquals(!eligible, s.reasons().stream().anyMatch(r -> r.startsWith("VIP_SHARE_CAP: 1 available")));
    }

    @Test
    void theCapSkipsTheLeastLoadedAgentForVipButNotForStandardTickets() {
        List<Agent> roster = List.of(
                available("a-1", AgentLevel.L2, "L2_PLUS", 9, 3),    // 4 of 10 with one more VIP: ok
                available("a-2", AgentLevel.L2, "L2_PLUS", 4, 2));   // 3 of 5 = 60%: over the cap
        assertEquals("a-1", WHITE_GLOVE.suggest(vip(Tier.T2, "L2_PLUS", null), roster, TODAY).agentId());
        SuggestionRequest standard = new SuggestionRequest(Tier.STANDARD, "L2_PLUS", null, false, null, false);
        assertEquals("a-2", WHITE_GLOVE.suggest(standard, roster, TODAY).agentId());
    }

    @Test
    void t1OverflowsToAnyAvailableSeniorAgent() {
        Suggestion s = WHITE_GLOVE.suggest(vip(Tier.T1, "TIER1_SENIOR", null), List.of(
                agent("a-1", AgentLevel.L3, AgentStatus.BUSY, "TIER1_SENIOR", 2, 0),
                available("a-2", AgentLevel.L3, "TIER1_SENIOR", 9, 5),          // over the cap
                available("a-3", AgentLevel.L1, "L1_TENURED", 0, 0),            // not senior
                available("a-4", AgentLevel.L2, "L2_PLUS", 6, 1),
                available("a-5", AgentLevel.L3, "L2_PLUS", 3, 0)), TODAY);
        assertEquals("a-5", s.agentId());
        assertTrue(s.overflow());
        assertTrue(s.reasons().contains("OVERFLOW: TIER1_SENIOR busy, senior L3 a-5"), s.reasons().toString());
    }

    @Test
    void onlyT1Overflows() {
        Suggestion s = WHITE_GLOVE.suggest(vip(Tier.T2, "L2_PLUS", null), List.of(
                available("a-1", AgentLevel.L3, "TIER1_SENIOR", 0, 0)), TODAY);
        assertNull(s.agentId());
        assertEquals(List.of("NO_AGENT_AVAILABLE in L2_PLUS"), s.reasons());
    }

    @Test
    void nobodyAnywhereMeansNoSuggestion() {
        Suggestion s = WHITE_GLOVE.suggest(vip(Tier.T1, "TIER1_SENIOR", null), List.of(
                agent("a-1", AgentLevel.L3, AgentStatus.PTO, "TIER1_SENIOR", 0, 0),
                available("a-2", AgentLevel.L1, "GENERAL", 0, 0)), TODAY);
        assertFalse(s.found());
        assertEquals(List.of("NO_AGENT_AVAILABLE in TIER1_SENIOR nor overflow L2+"), s.reasons());
    }

    @Test
    void continuityPrefersThePreviousAgentOverALowerLoad() {
        Suggestion s = WHITE_GLOVE.suggest(vip(Tier.T2, "L2_PLUS", "a-9"), List.of(
                available("a-1", AgentLevel.L2, "L2_PLUS", 1, 0),
                available("a-9", AgentLevel.L2, "L2_PLUS", 7, 2)), TODAY);
        assertEquals("a-9", s.agentId());
        assertEquals("CONTINUITY: previous agent a-9", s.reasons().get(0));
    }

    @Test
    void continuityNeverBreaksTheLoadRules() {
        // the previous agent is away, or would exceed the VIP cap: lowest load instead
        assertEquals("a-1", WHITE_GLOVE.suggest(vip(Tier.T2, "L2_PLUS", "a-9"), List.of(
                available("a-1", AgentLevel.L2, "L2_PLUS", 1, 0),
                agent("a-9", AgentLevel.L2, AgentStatus.AWAY, "L2_PLUS", 0, 0)), TODAY).agentId());
        assertEquals("a-1", WHITE_GLOVE.suggest(vip(Tier.T2, "L2_PLUS", "a-9"), List.of(
                available("a-1", AgentLevel.L2, "L2_PLUS", 1, 0),
                available("a-9", AgentLevel.L2, "L2_PLUS", 4, 2)), TODAY).agentId());
    }

    @ParameterizedTest(name = "hired {0} months and {1} days before today: {2}")
    @CsvSource(textBlock = """
            6, 0,  true
            6, 1,  true
            6, -1, false
            5, 20, false
            0, 0,  false
            """)
    void tenureForL1Tenured(int months, int days, boolean eligible) {
        // seed 000 "L1+ with 6+ months tenure": 2025-09-02 is exactly six months before 2026-03-02
        Agent a = Agent.newBuilder(available("a-1", AgentLevel.L1, "L1_TENURED", 0, 0))
                .setHiredOn(TODAY.minusMonths(months).minusDays(days)).build();
        assertEquals(eligible, WHITE_GLOVE.suggest(vip(Tier.T3, "L1_TENURED", null), List.of(a), TODAY).found());
    }

    @Test
    void anAgentWithoutAHireDateCannotProveTenure() {
        Agent a = Agent.newBuilder(available("a-1", AgentLevel.L1, "L1_TENURED", 0, 0)).setHiredOn(null).build();
        assertFalse(WHITE_GLOVE.suggest(vip(Tier.T3, "L1_TENURED", null), List.of(a), TODAY).found());
    }

    @ParameterizedTest
    @EnumSource(value = AgentStatus.class, names = "AVAILABLE", mode = EnumSource.Mode.EXCLUDE)
    void onlyAvailableAgents(AgentStatus status) {
        assertFalse(WHITE_GLOVE.suggest(vip(Tier.T2, "L2_PLUS", null),
                List.of(agent("a-1", AgentLevel.L2, status, "L2_PLUS", 0, 0)), TODAY).found());
    }

    @Test
    void levelsBelowThePoolOrTheCellOrNotAssignableAreSkipped() {
        List<Agent> roster = List.of(
                available("a-1", AgentLevel.L1, "L2_PLUS", 0, 0),          // below the pool's L2
                available("a-2", AgentLevel.TEAM_LEAD, "L2_PLUS", 0, 0),   // escalation target, not an assignee
                available("a-3", AgentLevel.L2, "L2_PLUS", 2, 0),
                available("a-4", AgentLevel.L3, "L2_PLUS", 5, 0));
        assertEquals("a-3", WHITE_GLOVE.suggest(vip(Tier.T2, "L2_PLUS", null), roster, TODAY).agentId());
        SuggestionRequest l3 = new SuggestionRequest(Tier.T2, "L2_PLUS", AgentLevel.L3, true, null, false);
        assertEquals("a-4", WHITE_GLOVE.suggest(l3, roster, TODAY).agentId());
    }

    @Test
    void anUnknownQueueHasNoSuggestion() {
        Suggestion s = WHITE_GLOVE.suggest(vip(Tier.T2, "NIGHT_SHIFT", null),
                List.of(available("a-1", AgentLevel.L3, "NIGHT_SHIFT", 0, 0)), TODAY);
        assertFalse(s.found());
    }

    @Test
    void escalationMatrixSendsExecutivesToTheMostSeniorAgent() {
        // seed 002 "Immediate routing to most senior available agent"; pools there are by level, not membership
        AgentSuggester matrix = new AgentSuggester(
                AgentPolicy.fromPolicy(PolicyLoader.load("escalation-matrix").policy()));
        List<Agent> roster = List.of(
                available("a-1", AgentLevel.L2, null, 1, 0),
                available("a-2", AgentLevel.L3, "ANY", 6, 1));
        SuggestionRequest exec = new SuggestionRequest(Tier.T1, "ENTERPRISE", AgentLevel.L2, true, null, true);
        Suggestion s = matrix.suggest(exec, roster, TODAY);
        assertEquals("a-2", s.agentId());
        assertTrue(s.reasons().contains("MOST_SENIOR: executive contact, L3 a-2"), s.reasons().toString());
        SuggestionRequest endUser = new SuggestionRequest(Tier.T1, "ENTERPRISE", AgentLevel.L2, true, null, false);
        assertEquals("a-1", matrix.suggest(endUser, roster, TODAY).agentId());
    }

    @Test
    void theRequestFollowsTheRoutingDecision() {
        var d = new io.viplane.routing.RoutingDecision(Tier.T3, io.viplane.model.PriorityLevel.P2, 500, "L1_TENURED",
                60, List.of(), AgentLevel.L1, List.of(), false);
        assertEquals(new SuggestionRequest(Tier.T3, "L1_TENURED", AgentLevel.L1, true, "a-4", false),
                SuggestionRequest.of(d, "a-4", false));
    }
}
