package io.viplane.routing;

import io.viplane.model.TicketStatus;
import java.time.Instant;

/** A ticket's status from {@code at} on; the history of these gives SLA pause intervals. */
public record StatusChange(Instant at, TicketStatus status) {
}
