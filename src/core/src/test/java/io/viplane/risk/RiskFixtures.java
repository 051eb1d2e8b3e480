package io.viplane.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.model.Account;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The shipped policy and small builders shared by the risk tests. */
final class RiskFixtures {
    static final Policy POLICY = PolicyLoader.load("white-glove").policy();
    static final SignalsPolicy SIGNALS = SignalsPolicy.fromPolicy(POLICY);
    static final RiskPolicy RISK = RiskPolicy.fromPolicy(POLICY);
    /** A Monday noon, far from any day boundary. */
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private RiskFixtures() {
    }

    static Instant daysAgo(double days) {
        return NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    static Account account(Integer health, Double usage, Integer nps) {
        return Account.newBuilder()
                .setAccountId("acc-1").setName("Acme Test").setArr(250_000)
                .setHealthScore(health).setUsageTrendPct(usage).setNps(nps)
                .setCsmId("csm-7").setFlags(List.of())
                .build();
    }

    static Policy withSignals(JsonNode signals) {
        Policy p = POLICY;
        return new Policy(p.name(), p.description(), p.source(), p.defaults(), p.tiers(), p.entitlements(),
                p.priorityMap(), p.priorityScore(), p.slaOverrides(), p.calendars(), p.sla(), signals, p.risk(),
                p.escalation(), p.agents(), p.document());
    }

    static Policy withRisk(JsonNode risk) {
        Policy p = POLICY;
        return new Policy(p.name(), p.description(), p.source(), p.defaults(), p.tiers(), p.entitlements(),
                p.priorityMap(), p.priorityScore(), p.slaOverrides(), p.calendars(), p.sla(), p.signals(), risk,
                p.escalation(), p.agents(), p.document());
    }

    /** A deep copy of a section, to break one value. */
    static ObjectNode copy(JsonNode section) {
        return (ObjectNode) section.deepCopy();
    }
}
