package io.viplane.risk;

import io.viplane.signals.ChurnClass;
import io.viplane.signals.SignalKind;
import io.viplane.signals.SignalMatch;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The part of a {@link SignalMatch} the account keeps: what kind of signal, whether it is direct
 * churn, whether it names a competitor, and the matched phrase (trimmed, so state stays small;
 * the phrase is all of the customer's text that is ever kept).
 */
public record ChurnFinding(SignalKind kind, boolean direct, boolean competitor, String phrase) {
    /** Long enough for "we are evaluating alternatives to your product", short enough to bound state. */
    static final int MAX_PHRASE_CHARS = 60;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public ChurnFinding {
        Objects.requireNonNull(kind, "kind");
        phrase = clip(phrase == null ? "" : phrase);
    }

    public static ChurnFinding of(SignalMatch m) {
        return new ChurnFinding(m.kind(), m.strength() == ChurnClass.DIRECT, m.kind() == SignalKind.COMPETITOR, m.phrase());
    }

    public static List<ChurnFinding> of(List<SignalMatch> matches) {
        return matches.stream().map(ChurnFinding::of).toList();
    }

    private static String clip(String s) {
        String flat = WHITESPACE.matcher(s.strip()).replaceAll(" ");
        return flat.length() <= MAX_PHRASE_CHARS ? flat : flat.substring(0, MAX_PHRASE_CHARS - 1) + "…";
    }
}
