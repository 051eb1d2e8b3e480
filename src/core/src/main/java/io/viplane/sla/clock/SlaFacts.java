package io.viplane.sla.clock;

import io.viplane.model.PriorityLevel;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The SLA-relevant history of one ticket, folded from its events in any order (state, CBOR
 * serializable: public fields). Keep it next to the ticket state and build the clocks' view with
 * {@link #toTicket}. Each list keeps at most {@link #MAX_ENTRIES} entries, dropping what can no
 * longer move a clock first (see {@link #customerWrote}), so the state of a long ticket stays small.
 */
public final class SlaFacts {
    /** Bound per list; a cycle older than 32 replies or status changes was settled long ago. */
    public static final int MAX_ENTRIES = 32;

    public Instant createdAt;
    /** False while {@code createdAt} is only the earliest event seen, not the CREATED event. */
    public boolean createdSeen;
    public Instant firstAgentReplyAt;
    public Instant firstAssignedAt;
    public List<Instant> agentReplies = new ArrayList<>();
    public List<Instant> customerMessages = new ArrayList<>();
    public List<StatusChange> statusChanges = new ArrayList<>();

    /** Folds one ticket event; {@code status} is the event's status field (null when absent). */
    public void apply(TicketEventType type, TicketStatus status, Instant at) {
        if (at == null) {
            return;
        }
        if (type == TicketEventType.CREATED) {
            createdAt = createdSeen ? min(createdAt, at) : at;
            createdSeen = true;
        } else if (!createdSeen) {
            createdAt = createdAt == null ? at : min(createdAt, at);
        }
        if (status != null) {
            statusChanged(at, status);
        }
        switch (type) {
            case AGENT_REPLY -> agentReplied(at);
            case CUSTOMER_MESSAGE -> customerWrote(at);
            case ASSIGNED, TRANSFERRED -> firstAssignedAt = firstAssignedAt == null ? at : min(firstAssignedAt, at);
            default -> { }
        }
    }

    /** The clocks' view; {@code createdAt} must be known (at least one event applied). */
    public SlaTicket toTicket(Tier tier, PriorityLevel priority, int firstResponseTargetMinutes) {
        return new SlaTicket(tier, priority, createdAt, firstResponseTargetMinutes, firstAgentReplyAt,
                agentReplies, customerMessages, firstAssignedAt, statusChanges);
    }

    private void statusChanged(Instant at, TicketStatus status) {
        StatusChange change = new StatusChange(at, status);
        if (statusChanges.contains(change)) {
            return;
        }
        // Repeats of the same status are kept while there is room: a late event may land between
        // them (a PENDING that an OPEN observed later must end).
        statusChanges.add(change);
        statusChanges.sort(Comparator.comparing(StatusChange::at));
        while (statusChanges.size() > MAX_ENTRIES) {
            statusChanges.remove(oldestRepeat());
        }
    }

    /** The oldest entry that repeats its predecessor's status, else the oldest entry. */
    private int oldestRepeat() {
        for (int i = 1; i < statusChanges.size(); i++) {
            if (statusChanges.get(i).status() == statusChanges.get(i - 1).status()) {
                return i;
            }
        }
        return 0;
    }

    private void agentReplied(Instant at) {
        firstAgentReplyAt = firstAgentReplyAt == null ? at : min(firstAgentReplyAt, at);
        insert(agentReplies, at);
        while (agentReplies.size() > MAX_ENTRIES) {
            agentReplies.remove(0);
        }
    }

    /**
     * Only the oldest message of an unanswered run starts a clock, so when the list is full the
     * newest message that follows another one without an agent reply in between goes first.
     */
    private void customerWrote(Instant at) {
        insert(customerMessages, at);
        while (customerMessages.size() > MAX_ENTRIES) {
            int drop = 0;
            for (int i = customerMessages.size() - 1; i > 0; i--) {
                if (!repliedBetween(customerMessages.get(i - 1), customerMessages.get(i))) {
                    drop = i;
                    break;
                }
            }
            customerMessages.remove(drop);
        }
    }

    /** A reply at or after {@code from} and before {@code to} answers the message at {@code from}. */
    private boolean repliedBetween(Instant from, Instant to) {
        for (Instant r : agentReplies) {
            if (!r.isBefore(from) && r.isBefore(to)) {
                return true;
            }
        }
        return false;
    }

    private static void insert(List<Instant> list, Instant at) {
        if (!list.contains(at)) {
            list.add(at);
            list.sort(null);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
