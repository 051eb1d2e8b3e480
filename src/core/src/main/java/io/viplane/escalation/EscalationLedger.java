package io.viplane.escalation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.viplane.model.Escalation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The escalation ids already sent for one ticket (one ledger per ticket, kept in a state store as
 * CBOR). Because ids are derived from causes, "seen before" means "same cause": a persisting
 * condition is not sent again, a new cause is.
 *
 * <p>Bounded: the newest {@link #CAPACITY} ids are kept, oldest forgotten first. A ticket needs
 * far fewer (one id per criterion, per SLA cycle, per flagged event); forgetting could only re-send
 * an alert whose cause recurred after more than {@value #CAPACITY} newer escalations on the same ticket.
 */
public final class EscalationLedger {
    public static final int CAPACITY = 256;

    /** Sent ids, oldest first. Public for the CBOR state serde. */
    public List<String> sent = new ArrayList<>();

    @JsonIgnore
    private Set<String> index;

    /** True the first time an id is offered (and remembers it); false for a repeat. */
    public boolean firstTime(String escalationId) {
        if (index == null || index.size() != sent.size()) {
            index = new HashSet<>(sent);
        }
        if (!index.add(escalationId)) {
            return false;
        }
        sent.add(escalationId);
        while (sent.size() > CAPACITY) {
            index.remove(sent.remove(0));
        }
        return true;
    }

    /** The candidates not sent before, in order; remembers them. */
    public List<Escalation> admit(List<Escalation> candidates) {
        List<Escalation> out = new ArrayList<>();
        for (Escalation e : candidates) {
            if (e != null && firstTime(e.getEscalationId())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Number of ids remembered. */
    public int size() {
        return sent.size();
    }
}
