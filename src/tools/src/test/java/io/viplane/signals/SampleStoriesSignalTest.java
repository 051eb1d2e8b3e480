package io.viplane.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.sample.SampleOrganization;
import io.viplane.topology.Names;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's story tickets must trigger (or not trigger) the signals they were written to show. */
class SampleStoriesSignalTest {
    private final SampleOrganization org = SampleOrganization.generate(42, LocalDate.parse("2026-01-16"));
    private final ChurnDetector detector = ChurnDetector.withDefaultLexicon();

    private List<SignalMatch> signalsOf(String story) {
        String ticket = org.ticketOf(story);
        return org.events().stream()
                .filter(e -> e.path("topic").asText().equals(Names.TICKETS))
                .map(e -> e.path("value"))
                .filter(v -> v.path("ticket_id").asText().equals(ticket))
                .map(v -> v.path("subject").asText("") + "\n\n" + v.path("body").asText(""))
                .flatMap(text -> detector.detect(text).stream())
                .toList();
    }

    @Test
    void competitorStoryNamesACompetitor() {
        assertTrue(signalsOf("t2-competitor-mention").stream().anyMatch(m -> m.kind() == SignalKind.COMPETITOR));
    }

    @Test
    void evaluatingAlternativesIsADirectSignal() {
        assertEquals(ChurnClass.DIRECT, ChurnClass.of(signalsOf("t1-churn-evaluating-alternatives")));
    }

    @Test
    void falseFriendsAreNotChurn() {
        int checked = 0;
        for (var s : org.stories()) {
            if (s.key().startsWith("false-friend")) {
                assertEquals(ChurnClass.NONE, ChurnClass.of(signalsOf(s.key())), s.key());
                checked++;
            }
        }
        assertEquals(3, checked, "the sample has three false-friend stories");
    }
}
