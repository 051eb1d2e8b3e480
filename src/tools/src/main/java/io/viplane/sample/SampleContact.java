package io.viplane.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;

/** One generated CRM contact. */
final class SampleContact {
    /** Roles that make a ticket T1 under the white-glove policy. */
    static final Set<String> EXECUTIVE_ROLES = Set.of("C_LEVEL", "VP", "BOARD_MEMBER", "INVESTOR");

    final String id;
    final String accountId;
    String first;
    String last;
    String email;
    String title;
    String role;
    boolean authorizedForChanges;
    Instant updatedAt;

    SampleContact(String id, String accountId) {
        this.id = id;
        this.accountId = accountId;
    }

    String name() {
        return first + " " + last;
    }

    boolean isExecutive() {
        return EXECUTIVE_ROLES.contains(role);
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("contact_id", id);
        n.put("account_id", accountId);
        n.put("name", name());
        n.put("email", email);
        n.put("title", title);
        n.put("role", role);
        n.put("authorized_for_changes", authorizedForChanges);
        n.put("updated_at", Json.instant(updatedAt));
        return n;
    }
}
