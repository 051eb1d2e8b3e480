package io.viplane.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.model.Tier;
import io.viplane.routing.agents.AgentPolicy;
import io.viplane.sample.SampleCustomers;
import io.viplane.topology.Names;
import io.viplane.topology.RunnablePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One month through the real topology: customers write in ({@link Arrivals}), simulated agents on shift
 * take the next ticket as the {@link Ordering} says, reply, solve, write the resolution summary and the
 * VIP follow-up, and the topology's own SLA clocks, escalations and routing decide what is measured.
 * Minute by minute; deterministic for a seed.
 */
final class Simulation {
    private static final Duration STEP = Duration.ofMinutes(1);
    /** After the month, agents keep working (no new tickets) so the month's last tickets get their answer. */
    private static final Duration DRAIN = Duration.ofHours(24);

    /** {@code whileOpen}: dropped if the ticket is solved by then (a customer's message and its answer). */
    private record Scheduled(Instant at, long seq, String topic, String key, ObjectNode value, boolean whileOpen) {
    }

    private final RunnablePolicy policy;
    private final Month month;
    private final Ordering ordering;
    private final AgentPolicy agentPolicy;
    private final Writer events;
    private final Set<String> solved = new HashSet<>();
    /** Tenure is counted back from here: an agent's hired_on is one date all month. */
    private final java.time.LocalDate firstDay;
    private final Figures.Tally tally = new Figures.Tally();
    private final Map<String, Ordering.Waiting> waiting = new LinkedHashMap<>();
    private final Map<String, Arrivals.Arrival> byId = new HashMap<>();
    private final PriorityQueue<Scheduled> pending = new PriorityQueue<>(
            (a, b) -> a.at.equals(b.at) ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
    private final Map<String, Job> current = new HashMap<>();
    private final Map<String, Deque<Job>> suspended = new HashMap<>();
    private final Map<String, String> published = new HashMap<>();
    private long seq;
    private TopologyRig rig;

    private Simulation(RunnablePolicy policy, Month month, Ordering ordering, Writer events) {
        this.policy = policy;
        this.month = month;
        this.firstDay = month.start().atZone(ZoneOffset.UTC).toLocalDate();
        this.ordering = ordering;
        this.agentPolicy = AgentPolicy.fromPolicy(policy.policy());
        this.events = events;
    }

    /** Runs the month; {@code events}, when not null, receives every published input as a replay line. */
    static Figures run(RunnablePolicy policy, Month month, Ordering ordering, Writer events) {
        return new Simulation(policy, month, ordering, events).run();
    }

    private Figures run() {
        Instant start = month.start();
        Instant end = start.plus(Duration.ofDays(month.days()));
        Instant crmAt = start.minus(Duration.ofMinutes(10));
        try (TopologyRig r = new TopologyRig(policy, crmAt)) {
            rig = r;
            for (ObjectNode line : month.crmLines()) {
                publish(line.get("topic").asText(), line.get("key").asText(), (ObjectNode) line.get("value"), crmAt);
            }
            List<Roster.Member> members = month.roster().members();
            int next = 0;
            List<Arrivals.Arrival> arrivals = month.arrivals();
            for (Instant now = start; now.isBefore(end.plus(DRAIN)); now = now.plus(STEP)) {
                rig.advanceTo(now);
                while (!pending.isEmpty() && !pending.peek().at.isAfter(now)) {
                    Scheduled s = pending.poll();
                    if (!s.whileOpen || !solved.contains(s.key)) {
                        publish(s.topic, s.key, s.value, s.at);
                    }
                }
                while (next < arrivals.size() && !arrivals.get(next).createdAt().isAfter(now)
                        && arrivals.get(next).createdAt().isBefore(end)) {
                    Arrivals.Arrival a = arrivals.get(next++);
                    byId.put(a.ticketId(), a);
                    waiting.put(a.ticketId(), new Ordering.Waiting(a.ticketId(), a.createdAt()));
                    tally.created(a.ticketId(), a.createdAt());
                    publish(Names.TICKETS, a.ticketId(), HelpDesk.created(a), a.createdAt());
                }
                collect();
                for (Roster.Member m : members) {
                    work(m, now);
                }
                if (ordering.interrupts()) {
                    interrupt(members, now);
                }
                for (Roster.Member m : members) {
                    status(m, now);
                }
                if (now.isAfter(end) && waiting.isEmpty() && pending.isEmpty() && current.isEmpty()) {
                    break;
                }
            }
            rig.advanceTo(rig.now().plus(STEP));
            collect();
            tally.deadLetters = rig.count(Names.DLQ); // read once: the driver warns about a topic read before it has output
            tally.agentDeadLetters = rig.agentDeadLetters();
        }
        return tally.figures(ordering.label, policy, month.start(), month.days());
    }

    /** A ticket in an agent's hands: minutes of work left to the first reply and to the solve. */
    private static final class Job {
        final Arrivals.Arrival arrival;
        final TicketWork work;
        final boolean vip;
        long toReply;
        long toSolve;
        boolean replied;
        boolean interrupted;

        Job(Arrivals.Arrival arrival, TicketWork work, boolean vip) {
            this.arrival = arrival;
            this.work = work;
            this.vip = vip;
            this.toReply = work.replyMinutes();
            this.toSolve = work.solveMinutes();
        }
    }

    /**
     * One minute of a member's work: the job in hand moves on (a reply, a solve when its minutes are done);
     * a free member resumes an interrupted job, else takes the next ticket if on shift.
     */
    private void work(Roster.Member m, Instant now) {
        Job job = current.get(m.id());
        if (job != null) {
            progress(m, job, now);
        }
        if (current.get(m.id()) == null) {
            Deque<Job> held = suspended.get(m.id());
            if (held != null && !held.isEmpty()) {
                current.put(m.id(), held.pop());
            } else if (m.onShift(now) && !waiting.isEmpty()) {
                ordering.pick(m, waiting.values(), agentPolicy).ifPresent(w -> take(m, w, now));
            }
        }
    }

    private void progress(Roster.Member m, Job job, Instant now) {
        job.toReply--;
        job.toSolve--;
        Arrivals.Arrival a = job.arrival;
        if (!job.replied && job.toReply <= 0) {
            job.replied = true;
            publish(Names.TICKETS, a.ticketId(), HelpDesk.reply(a, m.id(), "first", now), now);
            tally.replied(a.ticketId(), now);
            customerWritesBack(m, job, now);
        }
        if (job.toSolve <= 0) {
            publish(Names.TICKETS, a.ticketId(), HelpDesk.solved(a, now), now);
            solved.add(a.ticketId());
            Instant summaryAt = now.plus(STEP);
            schedule(summaryAt, a, HelpDesk.reply(a, m.id(), "summary", summaryAt), false);
            if (job.vip) {
                // The 24-hour follow-up check, done by the owner (outside this simulation's capacity).
                Instant followUpAt = now.plus(Duration.ofMinutes(job.work.followUpMinutes()));
                schedule(followUpAt, a, HelpDesk.reply(a, m.id(), "follow-up", followUpAt), false);
            }
            current.remove(m.id());
        }
    }

    /**
     * Now and then the customer answers the first reply and the owner answers back (a short reply, in calendar
     * time). Both only while the ticket is open: once it is solved, the solve and its summary answer it.
     */
    private void customerWritesBack(Roster.Member m, Job job, Instant now) {
        if (!job.work.writesBack()) {
            return;
        }
        Arrivals.Arrival a = job.arrival;
        Instant messageAt = now.plus(Duration.ofMinutes(job.work.messageAfterMinutes()));
        Instant answeredAt = messageAt.plus(Duration.ofMinutes(job.work.answerMinutes()));
        schedule(messageAt, a, HelpDesk.customerMessage(a, messageAt), true);
        schedule(answeredAt, a, HelpDesk.reply(a, m.id(), "answer", answeredAt), true);
    }

    private void take(Roster.Member m, Ordering.Waiting w, Instant now) {
        waiting.remove(w.ticketId);
        Arrivals.Arrival a = byId.get(w.ticketId);
        TicketWork work = TicketWork.of(month.roster().work(), month.customerReplyShare(), month.seed(), a.ticketId());
        boolean vip = w.tier != null && w.tier != Tier.STANDARD;
        publish(Names.TICKETS, a.ticketId(), HelpDesk.assigned(a, m.id(), now), now);
        current.put(m.id(), new Job(a, work, vip));
        tally.taken(a.ticketId(), m.id(), vip);
    }

    /**
     * Seed 000's preemptive routing ("VIP ticket interrupts non-VIP"): a VIP ticket still waiting after every
     * free member chose takes a member of its own pool (or its tier's overflow) off a non-VIP ticket, which
     * waits in that member's hands and resumes when the VIP ticket is solved.
     */
    private void interrupt(List<Roster.Member> members, Instant now) {
        List<Ordering.Waiting> vip = waiting.values().stream().filter(w -> w.tier != null && w.tier != Tier.STANDARD)
                .sorted(Ordering.BY_SCORE).toList();
        for (Ordering.Waiting w : vip) {
            for (Roster.Member m : members) {
                Job job = current.get(m.id());
                if (job != null && !job.vip && m.onShift(now) && ordering.ownQueue(m, w, agentPolicy)) {
                    suspended.computeIfAbsent(m.id(), k -> new ArrayDeque<>()).push(job);
                    current.remove(m.id());
                    take(m, w, now);
                    if (!job.interrupted) {
                        job.interrupted = true;
                        tally.interruptions++; // tickets interrupted, once each however often
                    }
                    break;
                }
            }
        }
    }

    private void status(Roster.Member m, Instant now) {
        Job job = current.get(m.id());
        String status = job != null ? "BUSY" : m.onLeave(now) ? "PTO" : m.onShift(now) ? "AVAILABLE" : "OFFLINE";
        if (!status.equals(published.put(m.id(), status))) {
            int open = (job == null ? 0 : 1) + suspended.getOrDefault(m.id(), new ArrayDeque<>()).size();
            int vip = job != null && job.vip ? 1 : 0;
            publish(Names.AGENTS, m.id(), HelpDesk.agent(m, firstDay, status, open, vip, now), now);
        }
    }

    /** What the topology said: routing (queue, score, tier), SLA clocks, escalations. */
    private void collect() {
        for (JsonNode routed : rig.read(Names.ROUTED)) {
            String id = routed.path("ticket_id").asText();
            Tier tier = Tier.valueOf(routed.path("tier").asText("STANDARD"));
            tally.tier(id, tier);
            Ordering.Waiting w = waiting.get(id);
            if (w != null) {
                w.tier = tier;
                w.queue = routed.path("queue").asText(null);
                w.score = routed.path("priority_score").asDouble();
            }
        }
        rig.read(Names.SLA_EVENTS).forEach(tally::sla);
        rig.read(Names.ESCALATIONS).forEach(tally::escalation);
    }

    private void schedule(Instant at, Arrivals.Arrival a, ObjectNode value, boolean whileOpen) {
        pending.add(new Scheduled(at, seq++, Names.TICKETS, a.ticketId(), value, whileOpen));
    }

    private void publish(String topic, String key, ObjectNode value, Instant at) {
        rig.send(topic, key, value, at);
        if (events != null) {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("topic", topic);
            line.put("key", key);
            line.set("value", value);
            try {
                events.write(line.toString());
                events.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
