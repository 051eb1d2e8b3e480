package io.viplane.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.model.Account;
import io.viplane.model.Agent;
import io.viplane.model.AtRiskAccount;
import io.viplane.model.Contact;
import io.viplane.model.Escalation;
import io.viplane.model.RoutedTicket;
import io.viplane.model.SentimentEvent;
import io.viplane.model.SlaEvent;
import io.viplane.model.TicketEvent;
import io.viplane.topology.Names;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Which contract type each topic carries, and which field is its key (CONTRACT.md). */
final class TopicTypes {
    record Type(Class<? extends SpecificRecord> valueClass, String keyField) {
    }

    static final Map<String, Type> BY_TOPIC = Map.of(
            Names.ACCOUNTS, new Type(Account.class, "account_id"),
            Names.CONTACTS, new Type(Contact.class, "contact_id"),
            Names.TICKETS, new Type(TicketEvent.class, "ticket_id"),
            Names.SENTIMENT, new Type(SentimentEvent.class, "ticket_id"),
            Names.AGENTS, new Type(Agent.class, "agent_id"),
            Names.ROUTED, new Type(RoutedTicket.class, "ticket_id"),
            Names.ESCALATIONS, new Type(Escalation.class, "ticket_id"),
            Names.SLA_EVENTS, new Type(SlaEvent.class, "ticket_id"),
            Names.AT_RISK, new Type(AtRiskAccount.class, "account_id"),
            Names.SLA_METRICS, new Type(io.viplane.model.SlaWindowMetrics.class, "tier"));

    private TopicTypes() {
    }

    /** A bare value's fields tell its type: the replay file may omit the topic. */
    static String inferTopic(JsonNode v) {
        if (v.has("event_id") && v.has("type")) {
            return Names.TICKETS;
        }
        if (v.has("event_id") && v.has("score")) {
            return Names.SENTIMENT;
        }
        if (v.has("agent_id")) {
            return Names.AGENTS;
        }
        if (v.has("contact_id") && !v.has("event_id")) {
            return Names.CONTACTS;
        }
        if (v.has("account_id") && v.has("arr")) {
            return Names.ACCOUNTS;
        }
        return null;
    }
}
