package io.viplane.sla.clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.viplane.model.PriorityLevel;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyLoader;
import io.viplane.topology.StateSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the shipped policy, policy variants, a ticket builder, times and CBOR round trips. */
final class Fixtures {
    static final Policy POLICY = PolicyLoader.load("white-glove").policy();
    static final SlaPolicy SLA = SlaPolicy.fromPolicy(POLICY);
    private static final YAMLMapper YAML = new YAMLMapper();

    private Fixtures() {
    }

    /** 2026-01-16 (a Friday) at HH:MM UTC; "d2 HH:MM" is the next day. */
    static Instant at(String hhmm) {
        if (hhmm.startsWith("d2 ")) {
            return Instant.parse("2026-01-17T" + hhmm.substring(3) + ":00Z");
        }
        return Instant.parse("2026-01-16T" + hhmm + ":00Z");
    }

    /** The shipped policy with its {@code sla:} section replaced by {@code yaml}. */
    static Policy withSla(String yaml) {
        return withSla(POLICY, node(yaml));
    }

    static Policy withSlaNode(JsonNode sla) {
        return withSla(POLICY, sla);
    }

    /** The shipped {@code sla:} section with {@code key} replaced by {@code yaml}. */
    static Policy withShippedSlaKey(String key, String yaml) {
        com.fasterxml.jackson.databind.node.ObjectNode sla = shippedSla();
        sla.set(key, node(yaml));
        return withSlaNode(sla);
    }

    static JsonNode node(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Policy withSla(Policy p, JsonNode sla) {
        return new Policy(p.name(), p.description(), p.source(), p.defaults(), p.tiers(), p.entitlements(),
                p.priorityMap(), p.priorityScore(), p.slaOverrides(), p.calendars(), sla, p.signals(), p.risk(),
                p.escalation(), p.agents(), p.document());
    }

    /** The shipped {@code sla:} section as a mutable tree, to tweak one key. */
    static com.fasterxml.jackson.databind.node.ObjectNode shippedSla() {
        return POLICY.sla().deepCopy();
    }

    static <T> T cbor(T value, Class<T> type) {
        var serde = StateSerdes.cbor(type);
        byte[] bytes = serde.serializer().serialize("t", value);
        return serde.deserializer().deserialize("t", bytes);
    }

    static Ticket ticket(Tier tier, String created) {
        return new Ticket(tier, at(created));
    }

    /** Builds an {@link SlaTicket}; times are "HH:MM" on the test day. */
    static final class Ticket {
        Tier tier;
        PriorityLevel priority = PriorityLevel.P3;
        final Instant created;
        int frTarget;
        Instant firstReply;
        final List<Instant> replies = new ArrayList<>();
        final List<Instant> messages = new ArrayList<>();
        Instant assigned;
        final List<StatusChange> changes = new ArrayList<>();

        Ticket(Tier tier, Instant created) {
            this.tier = tier;
            this.created = created;
            this.frTarget = POLICY.entitlement(tier).firstResponseMinutes();
        }

        Ticket priority(PriorityLevel p) {
            priority = p;
            return this;
        }

        Ticket frTarget(int minutes) {
            frTarget = minutes;
            return this;
        }

        Ticket reply(String t) {
            Instant i = at(t);
            replies.add(i);
            firstReply = firstReply == null || i.isBefore(firstReply) ? i : firstReply;
            return this;
        }

        Ticket message(String t) {
            messages.add(at(t));
            return this;
        }

        Ticket assigned(String t) {
            assigned = at(t);
            return this;
        }

        Ticket status(String t, TicketStatus s) {
            changes.add(new StatusChange(at(t), s));
            return this;
        }

        SlaTicket build() {
            return new SlaTicket(tier, priority, created, frTarget, firstReply, replies, messages, assigned, changes);
        }
    }
}
