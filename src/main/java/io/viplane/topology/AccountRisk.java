package io.viplane.topology;

import io.viplane.risk.AccountSignals;
import io.viplane.risk.RiskLevelTracker;

/** Per-account state of the risk stage: the signal windows and the last published level. */
public final class AccountRisk {
    public AccountSignals signals = new AccountSignals();
    public RiskLevelTracker tracker = new RiskLevelTracker();
}
