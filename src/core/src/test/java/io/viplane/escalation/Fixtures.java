package io.viplane.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.PriorityLevel;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyLoader;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The shipped white-glove policy and a plain ticket to vary in each test. */
final class Fixtures {
    static final Policy POLICY = PolicyLoader.load("white-glove").policy();
    static final EscalationRules RULES = EscalationRules.fromPolicy(POLICY);
    static final Instant CREATED = Instant.parse("2026-01-16T14:00:00Z");
    static final Instant EVENT_AT = Instant.parse("2026-01-16T14:10:00Z");

    private Fixtures() {
    }

    /** A known account's OPEN ticket, P3, a neutral CUSTOMER_MESSAGE ten minutes after creation. */
    static EscalationFacts.Builder ticket(Tier tier) {
        return EscalationFacts.builder("TCK-1001", tier, EVENT_AT)
                .accountId("ACC-42").accountKnown(true).priority(PriorityLevel.P3)
                .event(TicketEventType.CUSTOMER_MESSAGE, "ev-1", EVENT_AT)
                .status(TicketStatus.OPEN).previousStatus(TicketStatus.OPEN)
                .text("Export question", "How do we export the audit log?")
                .requester("jo.doe@acme-corp.example", "Jo Doe")
                .createdAt(CREATED);
    }

    static List<Escalation> of(List<Escalation> all, EscalationKind kind) {
        return all.stream().filter(e -> e.getKind() == kind).toList();
    }

    static EscalationFacts build(Tier tier, Consumer<EscalationFacts.Builder> change) {
        EscalationFacts.Builder b = ticket(tier);
        change.accept(b);
        return b.build();
    }

    /** The id of the first escalation the shipped rules raise for the varied ticket. */
    static String firstId(Tier tier, Consumer<EscalationFacts.Builder> change) {
        return RULES.onEvent(build(tier, change)).get(0).getEscalationId();
    }

    /** A copy of the shipped policy whose escalation section was edited. */
    static Policy withEscalation(Consumer<ObjectNode> edit) {
        ObjectNode copy = POLICY.escalation().deepCopy();
        edit.accept(copy);
        return withEscalationNode(copy);
    }

    static Policy withEscalationNode(JsonNode escalation) {
        Policy p = POLICY;
        return new Policy(p.name(), p.description(), p.source(), p.defaults(), p.tiers(), p.entitlements(),
                p.priorityMap(), p.priorityScore(), p.slaOverrides(), p.calendars(), p.sla(), p.signals(),
                p.risk(), escalation, p.agents(), p.document());
    }

    static JsonNode yaml(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
