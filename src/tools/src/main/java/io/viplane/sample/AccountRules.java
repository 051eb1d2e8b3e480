package io.viplane.sample;

import io.viplane.model.Tier;
import java.util.List;

/**
 * The account half of the white-glove tier rules (topology/policies/white-glove.yaml), restated
 * so the generator can check its own output without loading a policy. The test checks the same
 * accounts with the real TierClassifier, so a drift between the two is caught there.
 */
final class AccountRules {
    static final List<String> T1_FLAGS = List.of("STRATEGIC_PARTNER", "EXEC_REVIEW", "BOARD_INVESTOR");
    static final List<String> T2_FLAGS = List.of("NAMED_ENTERPRISE", "MULTI_DEPARTMENT", "HIGH_GROWTH");
    static final List<String> T3_FLAGS = List.of("REFERRAL_PARTNER");

    private AccountRules() {
    }

    static Tier tierOf(SampleAccount a) {
        if (a.arr > 500_000 || a.flags.stream().anyMatch(T1_FLAGS::contains)) {
            return Tier.T1;
        }
        if (a.arr >= 100_000 || a.flags.stream().anyMatch(T2_FLAGS::contains)) {
            return Tier.T2;
        }
        if (a.arr >= 50_000 || "PREMIUM".equals(a.plan) || a.flags.stream().anyMatch(T3_FLAGS::contains)) {
            return Tier.T3;
        }
        return Tier.STANDARD;
    }
}
