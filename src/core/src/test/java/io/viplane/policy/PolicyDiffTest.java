package io.viplane.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden: the rule changes between two versions of the shipped policy, in words. */
class PolicyDiffTest {
    private final JsonNode shipped = PolicyLoader.tree("white-glove");

    @Test
    void aPolicyAgainstItselfHasNoChanges() {
        assertEquals(List.of(), PolicyDiff.changes(shipped, PolicyLoader.tree("white-glove")));
    }

    @Test
    void changesReadAsSentencesWithTheirUnits() {
        ObjectNode next = shipped.deepCopy();
        ((ObjectNode) next.at("/entitlements/T2")).put("first_response_minutes", 20);
        ((ObjectNode) next.at("/entitlements/T1/ladder")).put("target", "SUPPORT_MANAGER");
        ((ObjectNode) next.at("/defaults")).put("onboarding_days", 60);
        // T2's flags: one added, one removed (a list of values, not of rules).
        ArrayNode flags = (ArrayNode) next.at("/tiers/1/account/flags_any");
        flags.remove(2);
        flags.add("STRATEGIC_GROWTH");
        // A new tier rule inserted first: matched by its `tier`, the others do not read as changed.
        ObjectNode t0 = ((ArrayNode) next.get("tiers")).insertObject(0);
        t0.put("tier", "T0").put("badge", "DIAMOND");
        ((ObjectNode) next.get("document")).put("version", "1.1");
        ((ObjectNode) next).remove("sla_overrides");

        assertEquals(List.of(
                "document version: 1.0 → 1.1",
                "defaults onboarding: 90 → 60 days",
                "tiers T2 account flags any: added STRATEGIC_GROWTH, removed HIGH_GROWTH",
                "tiers T0: added, {\"tier\":\"T0\",\"badge\":\"DIAMOND\"}",
                "T1 ladder target: SUPPORT_VP → SUPPORT_MANAGER",
                "T2 first response: 30 → 20 min",
                "sla overrides: removed (was [])"), PolicyDiff.changes(shipped, next));
    }
}
