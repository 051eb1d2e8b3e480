package io.viplane.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.viplane.model.AgentLevel;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.Tier;
import io.viplane.model.TicketPriority;
import io.viplane.routing.Facts;
import io.viplane.routing.RoutingDecision;
import java.util.Arrays;
import java.util.List;

/** The tier x priority cell checks every shipped policy file's test shares, so each file states only its table. */
final class MatrixCells {
    private MatrixCells() {
    }

    /**
     * Routes a fresh ticket (no renewal date) and checks its cell; returns the decision so a file's
     * test can add the checks only that file promises.
     */
    static RoutingDecision assertCell(Policy policy, Tier tier, TicketPriority helpDesk, PriorityLevel p, String queue,
                                      AgentLevel level, String notify, int firstResponse) {
        RoutingDecision d = Facts.decide(policy, Facts.fresh(tier, helpDesk, null));
        assertEquals(p, d.priority());
        assertEquals(queue, d.queue());
        assertEquals(level, d.agentLevel());
        assertEquals(targets(notify), d.notifyTargets());
        assertEquals(firstResponse, d.firstResponseTargetMinutes());
        return d;
    }

    /** A CSV cell such as "CSM, TEAM_LEAD" (empty cell: null) as targets. */
    static List<EscalationTarget> targets(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).map(EscalationTarget::valueOf)
                .toList();
    }
}
