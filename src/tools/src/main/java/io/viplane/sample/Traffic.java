package io.viplane.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The day's events as they will be published. Each has its own publish time, which is its event
 * time unless something makes it late (a redelivered duplicate, a help desk that publishes an
 * event after later ones); sorting by publish time gives the file order.
 */
final class Traffic {
    /** Why an item's publish time differs from its event time; null when it does not. */
    enum Quirk { DUPLICATE, OUT_OF_ORDER, AFTER_ITS_SENTIMENT, LATE_CRM_RECORD }

    static final class Item {
        final String topic;
        final String key;
        final ObjectNode value;
        final Instant occurredAt;
        final boolean story;
        final int seq;
        Instant publishAt;
        Quirk quirk;

        Item(String topic, String key, ObjectNode value, Instant occurredAt, boolean story, int seq) {
            this.topic = topic;
            this.key = key;
            this.value = value;
            this.occurredAt = occurredAt;
            this.story = story;
            this.seq = seq;
            this.publishAt = occurredAt;
        }

        String eventId() {
            return value.path("event_id").asText(null);
        }

        String type() {
            return value.path("type").asText(null);
        }
    }

    final Instant dayStart;
    final Instant dayEnd;
    final List<Item> items = new ArrayList<>();
    private int seq;

    Traffic(Instant dayStart, Instant dayEnd) {
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
    }

    boolean withinDay(Instant t) {
        return !t.isBefore(dayStart) && t.isBefore(dayEnd);
    }

    Item add(String topic, String key, ObjectNode value, Instant occurredAt, boolean story) {
        Item item = new Item(topic, key, value, occurredAt, story, seq++);
        items.add(item);
        return item;
    }

    /** An exact copy (same event_id, same content) published again later, as an at-least-once producer does. */
    Item duplicate(Item original, long delaySeconds) {
        Item copy = add(original.topic, original.key, original.value.deepCopy(), original.occurredAt, original.story);
        copy.publishAt = original.publishAt.plusSeconds(delaySeconds);
        copy.quirk = Quirk.DUPLICATE;
        return copy;
    }

    List<Item> inPublishOrder() {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Item i) -> i.publishAt).thenComparingInt(i -> i.seq));
        return sorted;
    }
}
