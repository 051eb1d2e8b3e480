package io.viplane.escalation;

import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the escalation rules may look at, already judged by the caller (tier, priority,
 * churn cues, sentiment flags). Pure data: no Kafka types, no stores.
 *
 * <p>{@code subject}, {@code body}, {@code requesterEmail}, {@code requesterName} and
 * {@code executiveContactNames} are personal data: they are read for matching only, never copied
 * into an escalation, and left out of {@link #toString()}.
 *
 * @param eventType        the ticket event that just happened; null when the facts were refreshed by
 *                         something else (a sentiment score, a CRM change, a timer)
 * @param occurredAt       that event's time (escalations it causes carry it); null without an event
 * @param status           the ticket's status after the event
 * @param previousStatus   the status before it (a close is a change into a closing status)
 * @param warmHandoff      on TRANSFERRED: the new agent was introduced by name (null = not stated)
 * @param tags             the ticket's help-desk tags
 * @param executiveContact the requester is a known executive contact of the account
 * @param executiveContactNames names of the account's executive contacts (POSSIBLE_VIP_CONTACT matching)
 * @param customerConfirmed the customer confirmed the resolution before the ticket was closed
 * @param churn            churn cues found in this event's text (negation already handled upstream)
 * @param sentimentScore   latest score, -1..1, null if none
 * @param negativeTrend    the account's sentiment has stayed negative (the policy's trend rule, judged
 *                         upstream while this message is negative): its evidence, null when there is none
 * @param closed           the ticket is SOLVED or CLOSED (no longer waiting on us)
 * @param now              the processing time of this call (event time or stream time)
 * @param notifyTargets    targets the routing matrix notifies for this tier x priority (e.g. {CSM});
 *                         named so because {@code notify()} is final in {@code Object}
 */
public record EscalationFacts(
        String ticketId,
        String accountId,
        Tier tier,
        PriorityLevel priority,
        boolean accountKnown,
        TicketEventType eventType,
        String eventId,
        Instant occurredAt,
        TicketStatus status,
        TicketStatus previousStatus,
        Boolean warmHandoff,
        String subject,
        String body,
        List<String> tags,
        String requesterEmail,
        String requesterName,
        boolean executiveContact,
        Set<String> executiveContactNames,
        boolean customerConfirmed,
        List<ChurnCue> churn,
        Double sentimentScore,
        boolean extremelyNegative,
        boolean frustrated,
        String negativeTrend,
        Instant createdAt,
        boolean closed,
        Instant now,
        Set<EscalationTarget> notifyTargets) {

    public EscalationFacts {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(now, "now");
        tags = tags == null ? List.of() : List.copyOf(tags);
        executiveContactNames = executiveContactNames == null ? Set.of() : Set.copyOf(executiveContactNames);
        churn = churn == null ? List.of() : List.copyOf(churn);
        notifyTargets = notifyTargets == null ? Set.of() : Set.copyOf(notifyTargets);
    }

    public static Builder builder(String ticketId, Tier tier, Instant now) {
        return new Builder(ticketId, tier, now);
    }

    /** The event's time when there is one, else {@code now}. */
    Instant eventTime() {
        return occurredAt != null ? occurredAt : now;
    }

    /** Copy with another {@code now} (timers). */
    public EscalationFacts at(Instant when) {
        return toBuilder().now(when).build();
    }

    public Builder toBuilder() {
        return new Builder(ticketId, tier, now).accountId(accountId).priority(priority).accountKnown(accountKnown)
                .event(eventType, eventId, occurredAt).status(status).previousStatus(previousStatus)
                .warmHandoff(warmHandoff).text(subject, body).tags(tags).requester(requesterEmail, requesterName)
                .executiveContact(executiveContact).executiveContactNames(executiveContactNames)
                .customerConfirmed(customerConfirmed).churn(churn)
                .sentiment(sentimentScore, extremelyNegative, frustrated).negativeTrend(negativeTrend).createdAt(createdAt).closed(closed)
                .notifyTargets(notifyTargets);
    }

    @Override
    public String toString() {
        return "EscalationFacts[ticket=" + ticketId + ", account=" + accountId + ", tier=" + tier + ", priority="
                + priority + ", event=" + eventType + "/" + eventId + ", status=" + status + ", now=" + now + "]";
    }

    /** Fluent builder: the record has many optional fields. */
    public static final class Builder {
        private final String ticketId;
        private final Tier tier;
        private Instant now;
        private String accountId;
        private PriorityLevel priority;
        private boolean accountKnown;
        private TicketEventType eventType;
        private String eventId;
        private Instant occurredAt;
        private TicketStatus status;
        private TicketStatus previousStatus;
        private Boolean warmHandoff;
        private String subject;
        private String body;
        private List<String> tags;
        private String requesterEmail;
        private String requesterName;
        private boolean executiveContact;
        private Set<String> executiveContactNames;
        private boolean customerConfirmed;
        private List<ChurnCue> churn;
        private Double sentimentScore;
        private String negativeTrend;
        private boolean extremelyNegative;
        private boolean frustrated;
        private Instant createdAt;
        private boolean closed;
        private Set<EscalationTarget> notifyTargets;

        private Builder(String ticketId, Tier tier, Instant now) {
            this.ticketId = ticketId;
            this.tier = tier;
            this.now = now;
        }

        public Builder now(Instant v) {
            now = v;
            return this;
        }

        public Builder accountId(String v) {
            accountId = v;
            return this;
        }

        public Builder priority(PriorityLevel v) {
            priority = v;
            return this;
        }

        public Builder accountKnown(boolean v) {
            accountKnown = v;
            return this;
        }

        public Builder event(TicketEventType type, String id, Instant at) {
            eventType = type;
            eventId = id;
            occurredAt = at;
            return this;
        }

        public Builder status(TicketStatus v) {
            status = v;
            return this;
        }

        public Builder previousStatus(TicketStatus v) {
            previousStatus = v;
            return this;
        }

        public Builder warmHandoff(Boolean v) {
            warmHandoff = v;
            return this;
        }

        public Builder text(String subjectText, String bodyText) {
            subject = subjectText;
            body = bodyText;
            return this;
        }

        public Builder tags(List<String> v) {
            tags = v;
            return this;
        }

        public Builder requester(String email, String name) {
            requesterEmail = email;
            requesterName = name;
            return this;
        }

        public Builder executiveContact(boolean v) {
            executiveContact = v;
            return this;
        }

        public Builder executiveContactNames(Set<String> v) {
            executiveContactNames = v;
            return this;
        }

        public Builder customerConfirmed(boolean v) {
            customerConfirmed = v;
            return this;
        }

        public Builder churn(List<ChurnCue> v) {
            churn = v;
            return this;
        }

        public Builder sentiment(Double score, boolean isExtremelyNegative, boolean isFrustrated) {
            sentimentScore = score;
            extremelyNegative = isExtremelyNegative;
            frustrated = isFrustrated;
            return this;
        }

        public Builder negativeTrend(String evidence) {
            negativeTrend = evidence;
            return this;
        }

        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        public Builder closed(boolean v) {
            closed = v;
            return this;
        }

        public Builder notifyTargets(Set<EscalationTarget> v) {
            notifyTargets = v;
            return this;
        }

        public EscalationFacts build() {
            return new EscalationFacts(ticketId, accountId, tier, priority, accountKnown, eventType, eventId,
                    occurredAt, status, previousStatus, warmHandoff, subject, body, tags, requesterEmail,
                    requesterName, executiveContact, executiveContactNames, customerConfirmed, churn,
                    sentimentScore, extremelyNegative, frustrated, negativeTrend, createdAt, closed, now, notifyTargets);
        }
    }
}
