package io.viplane.notify;

import io.viplane.topology.Names;

/**
 * The notifier's topics. It reads the pipeline's outputs (names from {@link Names}) and owns two
 * topics of its own: the delivery ledger and its dead letters (additions to the contract).
 */
public final class NotifyNames {
    private NotifyNames() {
    }

    /** Compacted delivery ledger, key {@code <notice id>|<channel>}, JSON {@code LedgerEntry}. */
    public static final String LEDGER = "support.notifications";
    /** Deliveries that failed for good, with the reason; and unreadable input records. */
    public static final String DLQ = "support.notifications.dlq";
}
