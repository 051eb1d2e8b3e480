package io.viplane.bench;

import io.viplane.codec.Codecs;
import io.viplane.model.Channel;
import io.viplane.model.TicketEvent;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketPriority;
import io.viplane.model.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's ticket traffic, planned up front so that every topology measured in a run gets
 * exactly the same events; only {@code occurred_at} is filled in when an event is sent.
 *
 * <p>Conversations stay on recent tickets (a customer writes again, an agent replies), as in a help
 * desk, rather than touching a random ticket from the whole run.
 */
public final class Workload {
    /** How many of the latest tickets a follow-up event picks from. */
    static final int ACTIVE_TICKETS = 2_000;

    private Workload() {
    }

    /** Who writes in: an account and, optionally, one of its contacts. */
    public record Requester(String accountId, String contactId) {
    }

    /** Shares of each event type, in percent. */
    public record Mix(int createdPct, int customerMessagePct, int agentReplyPct) {
        public static final Mix DEFAULT = new Mix(40, 35, 25);

        public Mix {
            if (createdPct <= 0 || customerMessagePct < 0 || agentReplyPct < 0
                    || createdPct + customerMessagePct + agentReplyPct != 100) {
                throw new IllegalArgumentException("event mix must be positive and add up to 100");
            }
        }
    }

    public record Planned(String eventId, String ticketId, TicketEventType type, Requester requester,
                          TicketPriority priority) {

        public boolean isCreated() {
            return type == TicketEventType.CREATED;
        }

        /** The contract record, happening at {@code occurredAt}; no personal data in it. */
        public TicketEvent toEvent(Instant occurredAt) {
            return TicketEvent.newBuilder()
                    .setEventId(eventId)
                    .setTicketId(ticketId)
                    .setAccountId(requester.accountId())
                    .setContactId(requester.contactId())
                    .setType(type)
                    .setOccurredAt(occurredAt)
                    .setPriority(priority)
                    .setStatus(isCreated() ? TicketStatus.NEW : null)
                    .setSubject(isCreated() ? "benchmark ticket" : null)
                    .setChannel(Channel.EMAIL)
                    .build();
        }

        public byte[] toJson(Instant occurredAt) {
            return Codecs.json(TicketEvent.class).encode(toEvent(occurredAt));
        }
    }

    /**
     * {@code count} events: CREATED for new tickets, and customer messages and agent replies on recent ones.
     * The first event is always a CREATED. Deterministic for a seed.
     */
    public static List<Planned> generate(long seed, int count, List<Requester> requesters, Mix mix, String idPrefix) {
        if (requesters.isEmpty()) {
            throw new IllegalArgumentException("no requesters to write tickets");
        }
        Random random = new Random(seed);
        List<Planned> out = new ArrayList<>(count);
        List<Planned> active = new ArrayList<>();
        int tickets = 0;
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            String eventId = idPrefix + "e" + i;
            if (active.isEmpty() || roll < mix.createdPct()) {
                Requester r = requesters.get(random.nextInt(requesters.size()));
                Planned created = new Planned(eventId, idPrefix + "t" + tickets++, TicketEventType.CREATED, r,
                        priority(random));
                if (active.size() == ACTIVE_TICKETS) {
                    active.set(random.nextInt(ACTIVE_TICKETS), created);
                } else {
                    active.add(created);
                }
                out.add(created);
            } else {
                Planned t = active.get(random.nextInt(active.size()));
                TicketEventType type = roll < mix.createdPct() + mix.customerMessagePct()
                        ? TicketEventType.CUSTOMER_MESSAGE : TicketEventType.AGENT_REPLY;
                out.add(new Planned(eventId, t.ticketId(), type, t.requester(), null));
            }
        }
        return out;
    }

    /** The help-desk priority spread of new tickets: mostly NORMAL, a few URGENT. */
    private static TicketPriority priority(Random random) {
        int p = random.nextInt(100);
        return p < 5 ? TicketPriority.URGENT : p < 25 ? TicketPriority.HIGH : p < 85 ? TicketPriority.NORMAL
                : TicketPriority.LOW;
    }

    public static long createdCount(List<Planned> events) {
        return events.stream().filter(Planned::isCreated).count();
    }
}
