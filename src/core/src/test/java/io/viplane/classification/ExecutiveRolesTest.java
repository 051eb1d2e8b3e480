package io.viplane.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.ContactRole;
import io.viplane.model.Tier;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyLoader;
import io.viplane.policy.TierRule;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExecutiveRolesTest {

    @ParameterizedTest
    @EnumSource(value = ContactRole.class, names = {"C_LEVEL", "VP", "BOARD_MEMBER", "INVESTOR"})
    void executives(ContactRole role) {
        assertTrue(ExecutiveRoles.isExecutive(role));
    }

    @ParameterizedTest
    @EnumSource(value = ContactRole.class, names = {"DIRECTOR", "MANAGER", "END_USER"})
    void notExecutives(ContactRole role) {
        assertFalse(ExecutiveRoles.isExecutive(role));
    }

    @Test
    void noRoleIsNotAnExecutive() {
        assertFalse(ExecutiveRoles.isExecutive(null));
    }

    @Test
    void agreesWithTheT1ContactRolesOfTheShippedPolicy() {
        // The executive-contact score and the T1 contact criterion must name the same people.
        Policy p = PolicyLoader.load("white-glove").policy();
        TierRule t1 = p.tiers().stream().filter(r -> r.tier() == Tier.T1).findFirst().orElseThrow();
        Set<ContactRole> executives = EnumSet.allOf(ContactRole.class).stream()
                .filter(ExecutiveRoles::isExecutive)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ContactRole.class)));
        assertEquals(EnumSet.copyOf(t1.contact().rolesAny()), executives);
    }
}
