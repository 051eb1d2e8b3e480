package io.viplane.sample;

import io.viplane.topology.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What real delivery does to a stream: at-least-once producers redeliver (exact duplicates), help
 * desks publish some events after later ones, and the NLP service can be faster than the help
 * desk's own event. Applied to ordinary traffic only, so the stories stay as written.
 */
final class DeliveryQuirks {
    static final int DUPLICATES = 4;
    static final int OUT_OF_ORDER = 4;
    static final int SENTIMENT_FIRST = 3;
    private static final Set<String> DUPLICABLE = Set.of("CREATED", "AGENT_REPLY", "STATUS_CHANGED", "CUSTOMER_MESSAGE");

    private DeliveryQuirks() {
    }

    static void apply(Traffic traffic, Dice dice) {
        sentimentFirst(traffic, dice);
        outOfOrder(traffic, dice);
        duplicates(traffic, dice);
    }

    /** The scored ticket event is published shortly after its sentiment, which then arrives first. */
    private static void sentimentFirst(Traffic traffic, Dice dice) {
        int done = 0;
        for (Traffic.Item s : dice.shuffled(ordinary(traffic, Names.SENTIMENT))) {
            Traffic.Item source = byEventId(traffic, s.value.path("source_event_id").asText());
            if (done == SENTIMENT_FIRST) {
                break;
            }
            if (source != null && source.quirk == null) {
                source.publishAt = s.publishAt.plusSeconds(dice.between(20, 90));
                source.quirk = Traffic.Quirk.AFTER_ITS_SENTIMENT;
                done++;
            }
        }
    }

    /** An event published after the next event of its own ticket. */
    private static void outOfOrder(Traffic traffic, Dice dice) {
        int done = 0;
        for (Traffic.Item e : dice.shuffled(ordinary(traffic, Names.TICKETS))) {
            if (done == OUT_OF_ORDER) {
                break;
            }
            if (e.quirk != null || e.type().equals("CREATED")) {
                continue;
            }
            Traffic.Item next = nextOfTicket(traffic, e);
            // At most 20 min before the next event, then 30-300 s after it: 25 min late at most, within the
            // pipeline's default allowed lateness (30 min), so the sample's clocks must all wait for it.
            if (next != null && next.quirk == null && next.occurredAt.minusSeconds(20 * 60).isBefore(e.occurredAt)) {
                e.publishAt = next.publishAt.plusSeconds(dice.between(30, 300));
                e.quirk = Traffic.Quirk.OUT_OF_ORDER;
                done++;
            }
        }
    }

    private static void duplicates(Traffic traffic, Dice dice) {
        int done = 0;
        for (Traffic.Item e : dice.shuffled(ordinary(traffic, Names.TICKETS))) {
            if (done == DUPLICATES) {
                break;
            }
            if (e.quirk == null && DUPLICABLE.contains(e.type())) {
                traffic.duplicate(e, dice.between(20, 600));
                done++;
            }
        }
    }

    private static List<Traffic.Item> ordinary(Traffic traffic, String topic) {
        List<Traffic.Item> out = new ArrayList<>();
        for (Traffic.Item i : traffic.items) {
            if (!i.story && i.topic.equals(topic)) {
                out.add(i);
            }
        }
        return out;
    }

    private static Traffic.Item byEventId(Traffic traffic, String eventId) {
        for (Traffic.Item i : traffic.items) {
            if (i.topic.equals(Names.TICKETS) && eventId.equals(i.eventId())) {
                return i;
            }
        }
        return null;
    }

    private static Traffic.Item nextOfTicket(Traffic traffic, Traffic.Item e) {
        Traffic.Item best = null;
        for (Traffic.Item i : traffic.items) {
            if (i.topic.equals(Names.TICKETS) && i.key.equals(e.key) && i.occurredAt.isAfter(e.occurredAt)
                    && (best == null || i.occurredAt.isBefore(best.occurredAt))) {
                best = i;
            }
        }
        return best;
    }
}
