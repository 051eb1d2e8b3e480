package io.viplane.risk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The "same issue" key of a ticket for the repeated-issue pattern: its first help-desk tag
 * ({@code tag:api}) or, without tags, a digest of its normalized subject ({@code subject:3f9a...}).
 * Subjects are customer text, so only a digest is kept: state and evidence never hold them.
 */
public final class IssueKeys {
    static final String TAG = "tag:";
    static final String SUBJECT = "subject:";
    private static final Pattern REPLY_PREFIXES = Pattern.compile("^(\\s*(re|fw|fwd|aw|回复|转发)\\s*[:：]\\s*)+");
    private static final Pattern DIGITS = Pattern.compile("[\\p{Nd}]+");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}\\s]+");
    private static final Pattern FILLER_WORDS = Pattern.compile("\\b(again|still|urgent|asap|please|help)\\b");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private IssueKeys() {
    }

    /** Null when the ticket has neither a usable tag nor a subject. */
    public static String of(String subject, List<String> tags) {
        if (tags != null) {
            for (String tag : tags) {
                // namespaced tags such as "lang:zh" describe the ticket, not its issue
                if (tag != null && !tag.isBlank() && tag.indexOf(':') < 0) {
                    return TAG + tag.strip().toLowerCase(Locale.ROOT);
                }
            }
        }
        String normalized = normalizeSubject(subject);
        return normalized.isEmpty() ? null : SUBJECT + digest(normalized);
    }

    /** Readable form for evidence: the tag, or nothing for a subject digest. */
    static String describe(String key) {
        return key != null && key.startsWith(TAG) ? "tag " + key.substring(TAG.length()) : "same subject";
    }

    /**
     * Case, reply/forward prefixes, numbers (dates, ids) and filler words ("again", "still") differ
     * between reports of one issue, so they are dropped before comparing.
     */
    static String normalizeSubject(String subject) {
        if (subject == null) {
            return "";
        }
        String s = subject.toLowerCase(Locale.ROOT);
        s = REPLY_PREFIXES.matcher(s).replaceAll("");
        s = DIGITS.matcher(s).replaceAll(" ");
        s = NON_LETTERS.matcher(s).replaceAll(" ");
        s = FILLER_WORDS.matcher(s).replaceAll(" ");
        return WHITESPACE.matcher(s.strip()).replaceAll(" ");
    }

    private static String digest(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
