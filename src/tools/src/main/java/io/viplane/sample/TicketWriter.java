package io.viplane.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.sample.Sentiments.Plan;
import io.viplane.sample.TicketTexts.Mood;
import io.viplane.topology.Names;
import java.time.Instant;
import java.util.List;

/**
 * Writes the events of one ticket as a help desk would publish them, at minute offsets from its
 * creation. Events past the end of the day are not written: the ticket is simply still open when
 * the sample ends.
 */
final class TicketWriter {
    final TicketPlan plan;
    final String ticketId;
    private final Traffic traffic;
    private final Sentiments sentiments;
    private int eventNo;
    /** The agent currently holding the ticket, for replies and internal notes. */
    String assignee;

    TicketWriter(TicketPlan plan, String ticketId, Traffic traffic, Sentiments sentiments) {
        this.plan = plan;
        this.ticketId = ticketId;
        this.traffic = traffic;
        this.sentiments = sentiments;
    }

    Instant at(double minutes) {
        return plan.createdAt().plusSeconds(Math.round(minutes * 60));
    }

    /** The requester's first name, for agents' greetings. */
    String firstName() {
        String name = plan.requesterName();
        return name == null ? "there" : name.split(" ")[0];
    }

    Traffic.Item created(String priority, String channel, String subject, String body, Mood mood,
                         Plan scored, List<String> tags) {
        ObjectNode n = base("CREATED", 0, true);
        if (n == null) {
            return null;
        }
        n.put("priority", priority);
        n.put("status", "NEW");
        n.put("subject", subject);
        n.put("body", body);
        n.put("channel", channel);
        ArrayNode t = n.putArray("tags");
        tags.forEach(t::add);
        return scored(emit(n, 0), mood, scored);
    }

    Traffic.Item message(double min, String body, Mood mood, Plan scored, String status) {
        ObjectNode n = base("CUSTOMER_MESSAGE", min, true);
        if (n == null) {
            return null;
        }
        n.put("body", body);
        Json.putIfSet(n, "status", status);
        return scored(emit(n, min), mood, scored);
    }

    Traffic.Item reply(double min, String body) {
        ObjectNode n = base("AGENT_REPLY", min, false);
        if (n == null) {
            return null;
        }
        n.put("body", body);
        Json.putIfSet(n, "assignee_id", assignee);
        return emit(n, min);
    }

    Traffic.Item note(double min, String body) {
        ObjectNode n = base("INTERNAL_NOTE", min, false);
        if (n == null) {
            return null;
        }
        n.put("body", body);
        Json.putIfSet(n, "assignee_id", assignee);
        return emit(n, min);
    }

    /** Assignment; help desks move a NEW ticket to OPEN when someone takes it. */
    Traffic.Item assigned(double min, String agentId) {
        ObjectNode n = base("ASSIGNED", min, false);
        if (n == null) {
            return null;
        }
        assignee = agentId;
        n.put("assignee_id", agentId);
        n.put("status", "OPEN");
        return emit(n, min);
    }

    Traffic.Item status(double min, String status) {
        ObjectNode n = base("STATUS_CHANGED", min, false);
        if (n == null) {
            return null;
        }
        n.put("status", status);
        return emit(n, min);
    }

    Traffic.Item priority(double min, String priority) {
        ObjectNode n = base("PRIORITY_CHANGED", min, false);
        if (n == null) {
            return null;
        }
        n.put("priority", priority);
        return emit(n, min);
    }

    Traffic.Item transferred(double min, String agentId, boolean warmHandoff, String note) {
        ObjectNode n = base("TRANSFERRED", min, false);
        if (n == null) {
            return null;
        }
        assignee = agentId;
        n.put("assignee_id", agentId);
        n.put("warm_handoff", warmHandoff);
        Json.putIfSet(n, "body", note);
        return emit(n, min);
    }

    Traffic.Item confirmed(double min, String body, Plan scored) {
        ObjectNode n = base("CUSTOMER_CONFIRMED", min, true);
        if (n == null) {
            return null;
        }
        n.put("body", body);
        return scored(emit(n, min), Mood.POSITIVE, scored);
    }

    Traffic.Item csat(double min, int score) {
        ObjectNode n = base("CSAT_RECEIVED", min, true);
        if (n == null) {
            return null;
        }
        n.put("csat", score);
        return emit(n, min);
    }

    Traffic.Item abusive(double min, String note) {
        ObjectNode n = base("FLAGGED_ABUSIVE", min, false);
        if (n == null) {
            return null;
        }
        n.put("body", note);
        Json.putIfSet(n, "assignee_id", assignee);
        return emit(n, min);
    }

    /** The fields every event of this ticket carries, or null when the event falls past the day. */
    private ObjectNode base(String type, double min, boolean fromRequester) {
        Instant t = at(min);
        if (!traffic.withinDay(t)) {
            return null;
        }
        ObjectNode n = Json.object();
        n.put("event_id", String.format("ev-%s-%02d", ticketId.substring(ticketId.indexOf('-') + 1), ++eventNo));
        n.put("ticket_id", ticketId);
        if (plan.account() != null) {
            n.put("account_id", plan.account().id);
        }
        if (plan.contact() != null) {
            n.put("contact_id", plan.contact().id);
        }
        if (fromRequester || type.equals("CREATED")) {
            Json.putIfSet(n, "requester_email", plan.requesterEmail());
            Json.putIfSet(n, "requester_name", plan.requesterName());
        }
        n.put("type", type);
        n.put("occurred_at", Json.instant(t));
        return n;
    }

    private Traffic.Item emit(ObjectNode n, double min) {
        return traffic.add(Names.TICKETS, ticketId, n, at(min), plan.isStory());
    }

    private Traffic.Item scored(Traffic.Item item, Mood mood, Plan plan) {
        if (item != null) {
            sentiments.score(item, mood, plan);
        }
        return item;
    }
}
