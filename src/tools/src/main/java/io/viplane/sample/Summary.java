package io.viplane.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts of a generated sample, for printing. Holds ids, tiers and company names only, never
 * ticket text or people's names or addresses.
 *
 * @param recordsPerTopic       lines per topic in the main stream, duplicates included
 * @param accountsPerTier       accounts by the white-glove account rules (T1, T2, T3, STANDARD)
 * @param ticketsPerAccountTier tickets by their account's tier, NO_ACCOUNT for unknown requesters
 * @param ticketsPerTicketTier  tickets by the tier the rules give them (an executive contact makes T1)
 * @param customerMessages      customer-written ticket events (CREATED, CUSTOMER_MESSAGE, CUSTOMER_CONFIRMED)
 * @param duplicates            exact re-deliveries (same event_id, same content)
 * @param outOfOrder            ticket events published after a later event of the same ticket
 * @param sentimentFirst        sentiment events published before the ticket event they score
 * @param lateCrmRecords        CRM records published after a ticket that refers to them
 */
public record Summary(long seed, LocalDate day, Map<String, Integer> recordsPerTopic,
                      Map<String, Integer> accountsPerTier, Map<String, Integer> ticketsPerAccountTier,
                      Map<String, Integer> ticketsPerTicketTier, int tickets, int customerMessages,
                      int duplicates, int outOfOrder, int sentimentFirst, int lateCrmRecords, int badRecords,
                      List<Story> stories) {

    public int vipTicketsByAccount() {
        return ticketsPerAccountTier.getOrDefault("T1", 0) + ticketsPerAccountTier.getOrDefault("T2", 0)
                + ticketsPerAccountTier.getOrDefault("T3", 0);
    }

    public String format() {
        StringBuilder s = new StringBuilder();
        s.append("sample organisation, seed ").append(seed).append(", day ").append(day)
                .append(" (").append(day.getDayOfWeek()).append(")\n");
        s.append("records per topic:\n");
        recordsPerTopic.forEach((t, n) -> s.append(String.format(Locale.ROOT, "  %-20s %6d%n", t, n)));
        s.append("accounts per tier: ").append(accountsPerTier).append('\n');
        s.append("tickets: ").append(tickets).append(", by account tier ").append(ticketsPerAccountTier)
                .append(String.format(Locale.ROOT, " (VIP %.1f%%)", 100.0 * vipTicketsByAccount() / Math.max(1, tickets)))
                .append(", by ticket tier ").append(ticketsPerTicketTier).append('\n');
        s.append("customer messages: ").append(customerMessages).append(", scored by sentiment: ")
                .append(recordsPerTopic.getOrDefault("support.sentiment", 0)).append('\n');
        s.append("delivery quirks: ").append(duplicates).append(" duplicates, ").append(outOfOrder)
                .append(" out of order, ").append(sentimentFirst).append(" sentiment before its ticket event, ")
                .append(lateCrmRecords).append(" CRM records after their first ticket\n");
        s.append("bad records (separate file, for the dead-letter queue): ").append(badRecords).append('\n');
        s.append("stories:\n");
        for (Story st : stories) {
            s.append(String.format(Locale.ROOT, "  %-10s %-9s %-38s %s%n", st.ticketId(), st.ticketTier(), st.key(),
                    st.accountName() == null ? "(no account)" : st.accountName()));
        }
        return s.toString();
    }
}
