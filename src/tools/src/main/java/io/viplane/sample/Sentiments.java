package io.viplane.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.sample.TicketTexts.Mood;
import io.viplane.topology.Names;
import java.time.Instant;

/**
 * Plays the NLP service: scores some customer messages a few seconds after they are written.
 * The score is drawn from a range per {@link Mood}, so it agrees with the text it scores.
 */
final class Sentiments {
    static final String MODEL = "nlp-v3";
    /** Share of customer messages the service gets to score (the rest it misses or skips). */
    static final double SCORED_SHARE = 0.38;

    enum Plan { ALWAYS, MAYBE, NEVER }

    private final Traffic traffic;
    private final Dice dice;

    Sentiments(Traffic traffic, Dice dice) {
        this.traffic = traffic;
        this.dice = dice;
    }

    /** Returns the sentiment item, or null when this message is not scored. */
    Traffic.Item score(Traffic.Item source, Mood mood, Plan plan) {
        boolean scored = switch (plan) {
            case ALWAYS -> true;
            case NEVER -> false;
            case MAYBE -> dice.chance(SCORED_SHARE);
        };
        if (!scored) {
            return null;
        }
        double score = round2(range(mood));
        Instant at = source.occurredAt.plusSeconds(dice.between(3, 25));
        if (!traffic.withinDay(at)) {
            return null;
        }
        ObjectNode n = Json.object();
        String sourceId = source.eventId();
        n.put("event_id", "snt-" + sourceId.substring(sourceId.indexOf('-') + 1));
        n.put("ticket_id", source.key);
        Json.putIfSet(n, "account_id", source.value.path("account_id").asText(null));
        n.put("source_event_id", sourceId);
        n.put("score", score);
        n.put("label", score <= -0.3 ? "NEGATIVE" : score >= 0.3 ? "POSITIVE" : "NEUTRAL");
        n.put("model", MODEL);
        n.put("occurred_at", Json.instant(at));
        return traffic.add(Names.SENTIMENT, source.key, n, at, source.story);
    }

    private double range(Mood mood) {
        return switch (mood) {
            case POSITIVE -> dice.uniform(0.45, 0.9);
            case NEUTRAL -> dice.uniform(-0.15, 0.2);
            case CONCERNED -> dice.uniform(-0.4, -0.1);
            case FRUSTRATED -> dice.uniform(-0.75, -0.45);
            case CHURN -> dice.uniform(-0.88, -0.6);
            case ABUSIVE -> dice.uniform(-1.0, -0.92);
        };
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
