package io.viplane.admission;

/**
 * Bounds the work every text rule does per event: only the first {@code maxChars} characters of a
 * customer's text are read (churn language, sentiment, escalation phrases, issue keys). Churn and
 * escalation phrases sit in the first lines of a message; a megabyte of pasted logs adds nothing but
 * time, and one such event must not hold up the partition past its transaction timeout.
 */
public final class TextCap {
    /** The shipped cap: 64 K characters, many times any real message. */
    public static final int DEFAULT_MAX_CHARS = 64 * 1024;

    private final int maxChars;

    public TextCap(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("the text cap must be at least one character");
        }
        this.maxChars = maxChars;
    }

    public int maxChars() {
        return maxChars;
    }

    /** The text itself when within the cap, else its first {@code maxChars} characters (never splitting a surrogate pair). */
    public String apply(String text) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    public boolean exceeds(String text) {
        return text != null && text.length() > maxChars;
    }
}
