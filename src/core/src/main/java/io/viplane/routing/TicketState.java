package io.viplane.routing;

import io.viplane.escalation.EscalationLedger;
import io.viplane.model.TicketEvent;
import io.viplane.model.TicketPriority;
import io.viplane.model.TicketStatus;
import io.viplane.risk.ChurnFinding;
import io.viplane.sla.clock.SlaFacts;
import io.viplane.sla.clock.SlaLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What viplane remembers of one ticket. {@link #apply} folds events in any order: each field
 * keeps the value of its latest event (by {@code occurred_at}), replies and messages are matched
 * by time, so a late event lands where it belongs instead of overwriting newer facts.
 */
public final class TicketState {
    static final int MAX_UNANSWERED = 32;
    /** Churn findings kept per ticket: the newest message's are what escalations cite. */
    static final int MAX_FINDINGS = 16;

    public String ticketId;
    public String accountId;
    public String contactId;
    public Instant createdAt;
    /** False while {@code createdAt} is only the first event seen, not the CREATED event. */
    public boolean createdSeen;
    public TicketStatus status;
    public Instant statusAt;
    public TicketPriority priority;
    public Instant priorityAt;
    public Instant firstResponseAt;
    public Instant lastAgentReplyAt;
    /** Customer messages after the last agent reply, oldest first (next-reply clock). */
    public List<Instant> unanswered = new ArrayList<>();
    /** Status before the latest event changed it (escalations look at transitions). */
    public TicketStatus previousStatus;
    public String assigneeId;
    public Instant assigneeAt;
    public Instant customerConfirmedAt;
    /** Latest score from an NLP service ({@code support.sentiment}); always wins over the baseline. */
    public Double externalSentiment;
    public Instant externalSentimentAt;
    /** Built-in lexicon score of the latest customer text, so the pipeline works without an NLP service. */
    public Double baselineSentiment;
    public Instant baselineSentimentAt;
    /** Churn language found in the customer's text, newest last. */
    public List<ChurnFinding> churn = new ArrayList<>();
    /** What the SLA clocks need (start, pause, met instants), folded from events in any order. */
    public SlaFacts sla = new SlaFacts();
    /** What was already published about the clocks: each transition goes out once, also after a restart. */
    public SlaLedger slaLedger = new SlaLedger();
    /** Escalation ids already sent for this ticket. */
    public EscalationLedger escalations = new EscalationLedger();
    /** This ticket's entry in the deadline index, so a new wake-up replaces it. */
    public String wakeUpKey;
    /** When a closed ticket with nothing pending is deleted from the store (null while it matters). */
    public Instant purgeAt;
    public Instant lastEventAt;
    public RoutedSnapshot lastRouted;
    /** The longest customer text of this ticket cut to the text cap (its length before the cut), else null. */
    public Long textTruncatedFrom;
    /** How many characters the rules read of that text (the cap at the time). */
    public Integer textReadChars;

    public static TicketState start(TicketEvent e) {
        TicketState s = new TicketState();
        s.ticketId = e.getTicketId();
        s.createdAt = e.getOccurredAt();
        return s;
    }

    public void apply(TicketEvent e) {
        Instant t = e.getOccurredAt();
        if (e.getAccountId() != null && accountId == null) {
            accountId = e.getAccountId();
        }
        if (e.getContactId() != null && (contactId == null || isLatest(t))) {
            contactId = e.getContactId();
        }
        sla.apply(e.getType(), e.getStatus(), t);
        if (e.getStatus() != null && (statusAt == null || !t.isBefore(statusAt))) {
            previousStatus = status;
            status = e.getStatus();
            statusAt = t;
        }
        if (e.getPriority() != null && (priorityAt == null || !t.isBefore(priorityAt))) {
            priority = e.getPriority();
            priorityAt = t;
        }
        switch (e.getType()) {
            case CREATED -> {
                createdAt = createdSeen ? min(createdAt, t) : t;
                createdSeen = true;
            }
            case AGENT_REPLY -> agentReplied(t);
            case CUSTOMER_MESSAGE -> customerWrote(t);
            case CUSTOMER_CONFIRMED -> customerConfirmedAt = customerConfirmedAt == null ? t : max(customerConfirmedAt, t);
            case ASSIGNED, TRANSFERRED -> {
                if (e.getAssigneeId() != null && (assigneeAt == null || !t.isBefore(assigneeAt))) {
                    assigneeId = e.getAssigneeId();
                    assigneeAt = t;
                }
            }
            default -> { }
        }
        if (!createdSeen) {
            createdAt = min(createdAt, t);
        }
        lastEventAt = lastEventAt == null ? t : max(lastEventAt, t);
    }

    private void agentReplied(Instant t) {
        firstResponseAt = firstResponseAt == null ? t : min(firstResponseAt, t);
        lastAgentReplyAt = lastAgentReplyAt == null ? t : max(lastAgentReplyAt, t);
        unanswered.removeIf(m -> !m.isAfter(lastAgentReplyAt));
    }

    private void customerWrote(Instant t) {
        if (lastAgentReplyAt != null && !t.isAfter(lastAgentReplyAt)) {
            return;
        }
        // Only the oldest unanswered message matters; later ones never move the clock.
        if (unanswered.size() < MAX_UNANSWERED || t.isBefore(unanswered.get(unanswered.size() - 1))) {
            unanswered.add(t);
            unanswered.sort(null);
            if (unanswered.size() > MAX_UNANSWERED) {
                unanswered.remove(unanswered.size() - 1);
            }
        }
    }

    public void foundChurn(List<ChurnFinding> findings) {
        churn.addAll(findings);
        while (churn.size() > MAX_FINDINGS) {
            churn.remove(0);
        }
    }

    public Instant oldestUnanswered() {
        return unanswered.isEmpty() ? null : unanswered.get(0);
    }

    public boolean isClosed() {
        return status == TicketStatus.SOLVED || status == TicketStatus.CLOSED;
    }

    private boolean isLatest(Instant t) {
        return lastEventAt == null || !t.isBefore(lastEventAt);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
