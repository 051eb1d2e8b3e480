package io.viplane.notify.channel;

import io.viplane.notify.Notice;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Help-desk and CRM links from URL templates ({@code https://desk.example.com/tickets/{ticket_id}},
 * {@code .../accounts/{account_id}}): the card points at the ticket instead of quoting it.
 */
public record Links(String ticketTemplate, String accountTemplate) {
    public static final Links NONE = new Links(null, null);

    /** The ticket's link, else the account's, else null. */
    public String forNotice(Notice n) {
        if (n.ticketId() != null && ticketTemplate != null) {
            return ticketTemplate.replace("{ticket_id}", enc(n.ticketId()));
        }
        if (n.accountId() != null && accountTemplate != null) {
            return accountTemplate.replace("{account_id}", enc(n.accountId()));
        }
        return null;
    }

    /** "Open ticket" or "Open account", matching {@link #forNotice}. */
    public String labelFor(Notice n) {
        return n.ticketId() != null && ticketTemplate != null ? "Open ticket" : "Open account";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
