package io.viplane.notify.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notifier's memory of every delivery, rebuilt from {@code support.notifications} at start-up
 * and on every partition assignment, and updated as this instance commits. Besides "was this
 * delivery made?" it answers "which PagerDuty alerts are still open for this ticket / dedup key?",
 * so SLA {@code MET} and a solved ticket resolve exactly the alerts viplane opened.
 */
public final class Ledger {
    /** An alert this notifier triggered and has not resolved yet. */
    public record OpenAlert(String triggerNoticeId, String channel, String dedupKey, String ticketId) {
    }

    private final Map<String, LedgerEntry> entries = new HashMap<>();
    private final Map<String, OpenAlert> openByDedupKey = new HashMap<>();
    /** HELD and SENDING entries only: the notifier scans these every poll, not the whole ledger. */
    private final Map<String, LedgerEntry> pending = new HashMap<>();

    public void clear() {
        entries.clear();
        openByDedupKey.clear();
        pending.clear();
    }

    public void apply(LedgerEntry e) {
        entries.put(e.key(), e);
        if (e.isFinal()) {
            pending.remove(e.key());
        } else {
            pending.put(e.key(), e);
        }
        if (e.status() != LedgerEntry.Status.DELIVERED || e.dedupKey() == null) {
            return;
        }
        if ("trigger".equals(e.action())) {
            openByDedupKey.put(e.dedupKey() + "|" + e.channel(),
                    new OpenAlert(e.noticeId(), e.channel(), e.dedupKey(), e.ticketId()));
        } else if ("resolve".equals(e.action())) {
            openByDedupKey.remove(e.dedupKey() + "|" + e.channel());
        }
    }

    public LedgerEntry get(String noticeId, String channel) {
        return entries.get(LedgerEntry.key(noticeId, channel));
    }

    public int size() {
        return entries.size();
    }

    /** HELD or SENDING entries of the given source partitions. */
    public List<LedgerEntry> pending(Set<String> ownedPartitions) {
        List<LedgerEntry> out = new ArrayList<>();
        for (LedgerEntry e : pending.values()) {
            if (ownedPartitions.contains(e.sourcePartition())) {
                out.add(e);
            }
        }
        return out;
    }

    public List<OpenAlert> openAlerts() {
        return List.copyOf(openByDedupKey.values());
    }

    public List<OpenAlert> openAlerts(String dedupKey) {
        return openByDedupKey.values().stream().filter(a -> a.dedupKey().equals(dedupKey)).toList();
    }

    public List<OpenAlert> openAlertsOfTicket(String ticketId) {
        return openByDedupKey.values().stream().filter(a -> ticketId.equals(a.ticketId())).toList();
    }

    public Collection<LedgerEntry> all() {
        return entries.values();
    }
}
