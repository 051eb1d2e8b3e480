package io.viplane.policy;

import io.viplane.model.ContactRole;
import java.util.List;

public record ContactCriteria(List<ContactRole> rolesAny) {
    public ContactCriteria {
        rolesAny = rolesAny == null ? List.of() : List.copyOf(rolesAny);
    }
}
