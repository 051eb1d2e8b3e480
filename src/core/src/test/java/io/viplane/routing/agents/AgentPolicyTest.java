package io.viplane.routing.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.AgentLevel;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyException;
import io.viplane.policy.PolicyLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict binding of the {@code agents:} section: a mistake names its path and reason. */
class AgentPolicyTest {
    private static Policy withDefect(String text, String replacement) throws IOException {
        String shipped = Files.readString(Path.of("topology/policies/white-glove.yaml"));
        int at = shipped.indexOf(text);
        assertTrue(at >= 0 && shipped.indexOf(text, at + 1) < 0, "expected '" + text + "' once in white-glove.yaml");
        String yaml = shipped.substring(0, at) + replacement + shipped.substring(at + text.length());
        return PolicyLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "wg.yaml");
    }

    @Test
    void theShippedSectionBinds() {
        AgentPolicy a = AgentPolicy.fromPolicy(PolicyLoader.load("white-glove").policy());
        assertEquals(EnumSet.of(AgentLevel.L1, AgentLevel.L2, AgentLevel.L3), a.assignableLevels());
        assertEquals(5, a.vipShareMinOpenTickets());
        assertEquals(new AgentPolicy.PoolRule(true, AgentLevel.L2, null), a.pool("TIER1_SENIOR"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            vip_share_cap: 0.4      | vip_share_cap: 1.5       | agents.vip_share_cap                    | a share in (0, 1]
            vip_share_cap: 0.4      | vip_share_cap: '40%'     | agents.vip_share_cap                    | Cannot deserialize
            continuity: true        | continuity_: true        | agents.continuity_                      | Unrecognized field
            "continuity: true "     | "# "                     | agents.continuity                       | is required
            "GENERAL: {members_only: true, min_level: L1}" | "GENERAL: {members_only: true, min_level: VP}" | agents.pools.GENERAL.min_level | above every assignable level
            "GENERAL: {members_only: true, min_level: L1}" | "GENERAL: {min_level: L1}" | agents.pools.GENERAL.members_only | is required
            "GENERAL: {members_only: true, min_level: L1}" | "GENERAL_: {members_only: true, min_level: L1}" | agents.pools | has no rule for queue 'GENERAL' used by entitlements.STANDARD
            "min_tenure_months: 6"  | "min_tenure_months: -6"  | agents.pools.L1_TENURED.min_tenure_months | must be >= 0
            "T1: {min_level: L2}"   | "T9: {min_level: L2}"    | agents.overflow                         | T9
            """)
    void defects(String text, String replacement, String path, String reason) throws IOException {
        Policy p = withDefect(text, replacement);
        PolicyException e = assertThrows(PolicyException.class, () -> AgentPolicy.fromPolicy(p));
        assertTrue(e.getMessage().startsWith("invalid policy white-glove at " + path), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void anEmptySectionIsRefused() throws IOException {
        String shipped = Files.readString(Path.of("topology/policies/white-glove.yaml"));
        String yaml = shipped.substring(0, shipped.indexOf("\nagents:")) + "\nagents: {}\n";
        Policy p = PolicyLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "wg.yaml");
        PolicyException e = assertThrows(PolicyException.class, () -> AgentPolicy.fromPolicy(p));
        assertTrue(e.getMessage().startsWith("invalid policy white-glove at agents: is required"), e.getMessage());
    }
}
