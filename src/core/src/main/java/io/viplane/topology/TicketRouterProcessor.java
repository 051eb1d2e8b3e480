package io.viplane.topology;

import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import io.viplane.routing.AccountTicketStats;
import io.viplane.routing.TicketState;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs on the account partition: folds a ticket event into the ticket's state, or an NLP score into the
 * ticket it scores (or parks it until the ticket arrives), and hands the change to the engine. Also owns the partition's timer, which wakes the tickets whose deadlines are due.
 */
final class TicketRouterProcessor extends AccountPartitionProcessor<Object> {
    private final SentimentInbox sentiment = new SentimentInbox();

    TicketRouterProcessor(Rules rules, TopologyOptions options, RecordBudget budget) {
        super(rules, options, budget);
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        super.init(context);
        // Live, the clocks' "now" moves with the wall clock. Replaying, it moves only with the watermark, which
        // also runs the timers; this punctuation then only finishes a run its budget cut short (the rest is
        // due at or before the watermark already), so the history's last deadlines do not wait for a new mark.
        // It also lets through what waits for event-time order once the sources have settled (EventOrder).
        context.schedule(options().timerInterval(), PunctuationType.WALL_CLOCK_TIME, wall -> {
            engine.timersBefore(order.release(this::processHeld));
        });
    }

    @Override
    protected void handle(Record<String, Object> record) {
        // Replaying, a ticket event may first wait for its turn in event-time order (EventOrder).
        if (record.value() instanceof Watermark mark) {
            engine.onWatermark(mark, () -> order.release(this::processHeld));
            return;
        }
        if (record.value() instanceof SentimentEvent score) {
            if (order.hold(score, EventOrder.offset(context))) {
                order.release(this::processHeld);
            } else {
                sentiment.receive(score, stores, engine);
            }
            return;
        }
        TicketEvent e = (TicketEvent) record.value();
        Long truncatedFrom = truncatedFrom(record);
        if (order.hold(e, truncatedFrom, EventOrder.offset(context))) {
            order.release(this::processHeld);
        } else {
            processTicket(e, truncatedFrom);
        }
    }

    private boolean processHeld(EventOrder.Held held) {
        if (held.ticket() != null) {
            return engine.asAt(held.ticket().getOccurredAt().toEpochMilli(), () -> processTicket(held.ticket(), held.truncatedFrom()));
        }
        return engine.asAt(held.sentiment().getOccurredAt().toEpochMilli(), () -> sentiment.receive(held.sentiment(), stores, engine));
    }

    private void processTicket(TicketEvent e, Long truncatedFrom) {
        TicketState stored = stores.tickets.get(e.getTicketId());
        boolean isNew = stored == null;
        boolean wasOpen = !isNew && !stored.isClosed();
        TicketState s = isNew ? TicketState.start(e) : stored;
        s.apply(e);
        noteTruncation(s, truncatedFrom);
        SentimentEvent parked = isNew ? sentiment.claimPending(stores, s) : null;
        trackAccount(s, e, isNew, wasOpen);
        engine.ticketEvent(s, e, !isNew && !wasOpen);
        if (parked != null) {
            engine.sentimentArrived(s, parked); // the account's risk windows hear of the score too
        }
    }

    /** The cut made at admission (a header on the event): the original length of its text, or null. */
    private static Long truncatedFrom(Record<String, Object> record) {
        Header h = record.headers().lastHeader(TicketDedupProcessor.TRUNCATED_HEADER);
        if (h == null) {
            return null;
        }
        try {
            return Long.parseLong(new String(h.value(), StandardCharsets.UTF_8));
        } catch (NumberFormatException notOurs) {
            return null; // only the dedup step writes this header; anything else in it is ignored
        }
    }

    /** The cut becomes part of the ticket, so its routing says so. */
    private void noteTruncation(TicketState s, Long original) {
        if (original != null && (s.textTruncatedFrom == null || original > s.textTruncatedFrom)) {
            s.textTruncatedFrom = original;
            s.textReadChars = options().textCap();
        }
    }

    /** The account's open-ticket index and counts, and its latest agent (continuity): one read, one write. */
    private void trackAccount(TicketState s, TicketEvent e, boolean isNew, boolean wasOpen) {
        if (s.accountId == null) {
            return;
        }
        boolean nowOpen = !s.isClosed();
        boolean openChanged = isNew || wasOpen != nowOpen;
        boolean assigned = s.assigneeId != null && e.getAssigneeId() != null;
        if (!openChanged && !assigned) {
            return;
        }
        AccountTicketStats stats = stores.stats(s.accountId);
        if (openChanged) {
            trackOpen(s, stats, isNew, wasOpen, nowOpen);
        }
        if (assigned) {
            stats.assigned(e.getAssigneeId(), e.getOccurredAt());
        }
        stores.stats.put(s.accountId, stats);
    }

    private void trackOpen(TicketState s, AccountTicketStats stats, boolean isNew, boolean wasOpen, boolean nowOpen) {
        if (isNew) {
            stats.created(s.createdAt, policy().defaults().recentTicketsDays());
        }
        String key = Names.compositeKey(s.accountId, s.ticketId);
        if (nowOpen) {
            stats.open++;
            stores.openTickets.put(key, s.createdAt.toEpochMilli());
        } else {
            if (wasOpen) {
                stats.open = Math.max(0, stats.open - 1);
            }
            stores.openTickets.delete(key);
        }
    }
}
