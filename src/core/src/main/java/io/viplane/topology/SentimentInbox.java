package io.viplane.topology;

import io.viplane.model.SentimentEvent;
import io.viplane.routing.TicketState;

/**
 * Where an NLP score meets its ticket. A score may arrive before the ticket event it scores: it then
 * waits in the pending store, keyed by ticket, until the ticket shows up on this partition (parking is
 * the engine's, which also makes the score expire).
 */
final class SentimentInbox {

    /** A score on this partition: applied to its ticket (which the engine then re-judges), or parked. */
    void receive(SentimentEvent e, AccountPartitionStores stores, TicketEngine engine) {
        TicketState s = stores.tickets.get(e.getTicketId());
        if (s == null) {
            engine.parkSentiment(e);
        } else if (apply(s, e)) {
            engine.sentimentArrived(s, e);
        }
    }

    /** @return true when the score changed the ticket (it is the newest external score) */
    boolean apply(TicketState s, SentimentEvent e) {
        if (s.externalSentimentAt != null && e.getOccurredAt().isBefore(s.externalSentimentAt)) {
            return false;
        }
        s.externalSentiment = e.getScore();
        s.externalSentimentAt = e.getOccurredAt();
        return true;
    }

    /** @return the parked score now applied to the ticket, or null */
    SentimentEvent claimPending(AccountPartitionStores stores, TicketState s) {
        SentimentEvent parked = stores.pendingSentiment.get(s.ticketId);
        if (parked != null) {
            apply(s, parked);
            stores.pendingSentiment.delete(s.ticketId);
        }
        return parked;
    }
}
