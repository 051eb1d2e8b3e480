package io.viplane.classification;

import io.viplane.model.ContactRole;
import java.util.EnumSet;
import java.util.Set;

/** Who counts as an executive contact (seed 000: "C-level contact (CEO, CTO, VP)", board, investors). */
public final class ExecutiveRoles {
    private static final Set<ContactRole> EXECUTIVE =
            EnumSet.of(ContactRole.C_LEVEL, ContactRole.VP, ContactRole.BOARD_MEMBER, ContactRole.INVESTOR);

    private ExecutiveRoles() {
    }

    public static boolean isExecutive(ContactRole role) {
        return role != null && EXECUTIVE.contains(role);
    }
}
