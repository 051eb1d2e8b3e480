package io.viplane.notify;

import io.viplane.model.AccountContext;
import io.viplane.model.RoutedTicket;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the latest routed ticket says about a ticket (priority, badge, status, account figures),
 * so an escalation's card shows them: escalations carry tier and kind but not priority. Kept in a
 * bounded LRU map in memory; after a restart it fills again as tickets are re-routed (until then a
 * card shows what the escalation itself carries). The account's name is deliberately not kept.
 */
public record TicketContext(String priority, String badge, String status, Double arr, Integer daysToRenewal,
                            Integer healthScore, String churnRisk, Instant firstResponseDue) {

    public static TicketContext of(RoutedTicket r) {
        AccountContext a = r.getAccountContext();
        return new TicketContext(
                r.getPriority() == null ? null : r.getPriority().name(),
                r.getBadge() == null ? null : r.getBadge().name(),
                r.getStatus() == null ? null : r.getStatus().name(),
                a == null ? null : a.getArr(),
                a == null ? null : a.getDaysToRenewal(),
                a == null ? null : a.getHealthScore(),
                a == null || a.getChurnRisk() == null ? null : a.getChurnRisk().name(),
                r.getFirstResponseDue());
    }

    /** Latest context per ticket id, least recently used evicted beyond {@code capacity}. */
    public static final class Cache {
        private final Map<String, TicketContext> map;

        public Cache(int capacity) {
            this.map = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TicketContext> e) {
                    return size() > capacity;
                }
            };
        }

        public void put(String ticketId, TicketContext c) {
            map.put(ticketId, c);
        }

        public TicketContext get(String ticketId) {
            return ticketId == null ? null : map.get(ticketId);
        }
    }
}
