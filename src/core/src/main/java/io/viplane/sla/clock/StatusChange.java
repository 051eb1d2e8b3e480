package io.viplane.sla.clock;

import io.viplane.model.TicketStatus;
import java.time.Instant;
import java.util.Objects;

/** The ticket's help-desk status became {@code status} at {@code at}. */
public record StatusChange(Instant at, TicketStatus status) {
    public StatusChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
    }
}
