package io.viplane.sample;

import io.viplane.model.Tier;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A ticket before it has an id: when it is created, who wrote it and how its day goes. Ids are
 * handed out only once every ticket is planned, in creation order, as a help desk numbers them.
 *
 * @param storyKey    non-null for the hand-written tickets the demo points at
 * @param storyText   one line on what the story shows
 */
record TicketPlan(Instant createdAt, SampleAccount account, SampleContact contact, String requesterEmail,
                  String requesterName, String storyKey, String storyText, Consumer<TicketWriter> script) {

    static TicketPlan of(Instant createdAt, SampleAccount account, SampleContact contact, Consumer<TicketWriter> script) {
        return new TicketPlan(createdAt, account, contact, contact == null ? null : contact.email,
                contact == null ? null : contact.name(), null, null, script);
    }

    TicketPlan asStory(String key, String text) {
        return new TicketPlan(createdAt, account, contact, requesterEmail, requesterName, key, text, script);
    }

    boolean isStory() {
        return storyKey != null;
    }

    /** Account tier; none for a ticket without an account. */
    Tier accountTier() {
        return account == null ? null : account.tier;
    }

    /** The tier the white-glove rules give the ticket: an executive contact lifts it to T1. */
    Tier ticketTier() {
        if (account == null) {
            return Tier.STANDARD;
        }
        return contact != null && contact.isExecutive() ? Tier.T1 : account.tier;
    }
}
