package io.viplane.simulate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;

/** The events a help desk and a workforce tool publish, as the contract spells them. No personal data. */
final class HelpDesk {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private HelpDesk() {
    }

    static ObjectNode created(Arrivals.Arrival a) {
        ObjectNode n = base(a.ticketId() + "-created", a.ticketId(), a.customer().accountId(), "CREATED", a.createdAt());
        if (a.contactId() != null) {
            n.put("contact_id", a.contactId());
        }
        n.put("priority", a.priority());
        n.put("status", "NEW");
        n.put("subject", a.text().subject());
        n.put("body", a.text().body());
        n.put("channel", "EMAIL");
        n.putArray("tags").add(a.text().tag());
        return n;
    }

    static ObjectNode assigned(Arrivals.Arrival a, String agentId, Instant at) {
        ObjectNode n = base(a.ticketId() + "-assigned", a.ticketId(), a.customer().accountId(), "ASSIGNED", at);
        n.put("assignee_id", agentId);
        n.put("status", "OPEN");
        return n;
    }

    /** A public reply; {@code what} tells the replies of one ticket apart (first, summary, follow-up). */
    static ObjectNode reply(Arrivals.Arrival a, String agentId, String what, Instant at) {
        ObjectNode n = base(a.ticketId() + "-" + what, a.ticketId(), a.customer().accountId(), "AGENT_REPLY", at);
        n.put("assignee_id", agentId);
        n.put("body", switch (what) {
            case "first" -> "Thanks for reaching out, we are looking into it now.";
            case "summary" -> "Summary: the cause is found and fixed; details are in the ticket.";
            case "answer" -> "Thank you, that helps; we are applying the fix.";
            default -> "Checking in: is everything still working as expected?";
        });
        return n;
    }

    static ObjectNode customerMessage(Arrivals.Arrival a, Instant at) {
        ObjectNode n = base(a.ticketId() + "-customer", a.ticketId(), a.customer().accountId(), "CUSTOMER_MESSAGE", at);
        if (a.contactId() != null) {
            n.put("contact_id", a.contactId());
        }
        n.put("body", "Thanks, here are the details you asked for.");
        return n;
    }

    static ObjectNode solved(Arrivals.Arrival a, Instant at) {
        ObjectNode n = base(a.ticketId() + "-solved", a.ticketId(), a.customer().accountId(), "STATUS_CHANGED", at);
        n.put("status", "SOLVED");
        return n;
    }

    static ObjectNode agent(Roster.Member m, LocalDate today, String status, int open, int openVip, Instant at) {
        ObjectNode n = F.objectNode();
        n.put("agent_id", m.id());
        n.put("name", m.id());
        n.put("level", m.group().level().name());
        n.put("hired_on", today.minusMonths(m.group().tenureMonths()).toString());
        var pools = n.putArray("pools");
        m.group().pools().forEach(pools::add);
        n.putArray("skills");
        n.put("status", status);
        n.put("open_tickets", open);
        n.put("open_vip_tickets", openVip);
        n.put("updated_at", at.toString());
        return n;
    }

    private static ObjectNode base(String eventId, String ticketId, String accountId, String type, Instant at) {
        ObjectNode n = F.objectNode();
        n.put("event_id", eventId);
        n.put("ticket_id", ticketId);
        n.put("account_id", accountId);
        n.put("type", type);
        n.put("occurred_at", at.toString());
        return n;
    }
}
