package io.viplane.signals;

import java.util.Arrays;

/**
 * A message folded for matching (lower case, straight quotes, ASCII punctuation, collapsed
 * whitespace) that remembers where each of its characters came from, so that matches can be
 * reported as offsets into the text the customer actually wrote.
 */
final class NormalizedText {

    private final String text;
    private final int[] toOriginal;
    private final int[] boundaries;

    NormalizedText(String text, int[] toOriginal, int[] boundaries) {
        this.text = text;
        this.toOriginal = toOriginal;
        this.boundaries = boundaries;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** Original offset of the normalised character at {@code index}. */
    int originalStart(int index) {
        return toOriginal[index];
    }

    /** Original exclusive end offset of a normalised span ending (exclusively) at {@code end}. */
    int originalEnd(int end) {
        int last = toOriginal[end - 1];
        return last + 1;
    }

    /** Start of the clause (comma, sentence or line) that contains {@code position}. */
    int clauseStart(int position) {
        int i = Arrays.binarySearch(boundaries, position);
        int insertion = i >= 0 ? i : -i - 1;
        // a boundary exactly at position belongs to the previous clause; we want the one before
        return insertion == 0 ? 0 : boundaries[insertion - 1] + 1;
    }

    /** Exclusive end of the clause that contains the span ending at {@code end}. */
    int clauseEnd(int end) {
        int i = Arrays.binarySearch(boundaries, end);
        int insertion = i >= 0 ? i : -i - 1;
        return insertion == boundaries.length ? text.length() : boundaries[insertion];
    }
}
