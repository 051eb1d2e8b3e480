package io.viplane.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** De-duplication keeps what the pairwise rule kept, in time that grows with the text, not its square. */
class ChurnDetectorScaleTest {
    private static final ChurnDetector DETECTOR = ChurnDetector.withDefaultLexicon();
    private static final String CHURNY = "we will cancel and switch to a competitor, this keeps happening. "
            + "我们要取消合同,不续约了。we are evaluating alternatives and may downgrade. ";

    @Test
    void theLinearDeduplicationKeepsExactlyWhatThePairwiseRuleKept() {
        String text = CHURNY.repeat(150) + "we are not planning to cancel. cancel the meeting.";
        List<SignalMatch> raw = DETECTOR.scanAll(text, true);
        assertTrue(raw.size() > 300, "enough overlapping candidates to compare: " + raw.size());
        assertEquals(pairwise(raw), DETECTOR.detect(text));
    }

    @Test
    void aMegabyteOfRepeatedChurnWordsIsReadWhole() {
        // How fast is scripts/bench's business, not a timed test's: here, that every repetition is found.
        String text = CHURNY.repeat(1_000_000 / CHURNY.length());
        List<SignalMatch> found = DETECTOR.detect(text);
        List<SignalMatch> once = DETECTOR.detect(CHURNY);
        assertEquals(once.size() * (1_000_000 / CHURNY.length()), found.size(), "every repetition is found");
    }

    /** The rule as it was written first (every kept match compared with every candidate). */
    private static List<SignalMatch> pairwise(List<SignalMatch> raw) {
        List<SignalMatch> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingInt((SignalMatch m) -> m.end() - m.start()).reversed()
                .thenComparingInt(SignalMatch::start));
        List<SignalMatch> kept = new ArrayList<>();
        for (SignalMatch m : sorted) {
            boolean shadowed = kept.stream().anyMatch(k -> k.kind() == m.kind() && k.overlaps(m)
                    && (k.strength() == m.strength() || k.strength() == ChurnClass.DIRECT));
            if (!shadowed) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(SignalMatch::start).thenComparingInt(SignalMatch::end)
                .thenComparing(SignalMatch::kind));
        return List.copyOf(kept);
    }
}
