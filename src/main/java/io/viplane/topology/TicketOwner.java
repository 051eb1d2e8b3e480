package io.viplane.topology;

/** Which account (and contact) a ticket belongs to, remembered from its first event that named one. */
public record TicketOwner(String accountId, String contactId) {
}
