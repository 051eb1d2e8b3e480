package io.viplane.policy;

import io.viplane.model.AccountFlag;
import java.util.List;

/** Each entry is a separate criterion: ARR in range, or any listed flag, or any listed plan. */
public record AccountCriteria(Range arr, List<AccountFlag> flagsAny, List<String> plansAny) {
    public AccountCriteria {
        flagsAny = flagsAny == null ? List.of() : List.copyOf(flagsAny);
        plansAny = plansAny == null ? List.of() : List.copyOf(plansAny);
    }
}
