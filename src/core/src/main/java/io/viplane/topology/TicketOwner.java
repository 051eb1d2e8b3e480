package io.viplane.topology;

/** Which account (and contact) a ticket belongs to, remembered from its first event; null: no account. */
public record TicketOwner(String accountId, String contactId) {
}
