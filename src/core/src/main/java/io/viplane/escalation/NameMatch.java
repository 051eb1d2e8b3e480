package io.viplane.escalation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a requester's name is the same person's name as a CRM contact's: case, accents,
 * punctuation and word order do not matter ("Stroud, Helena" = "helena stroud"), and names
 * written without spaces (Chinese) compare as a whole. Partial names do not match: "Helena"
 * alone is too weak to raise an alert about someone.
 */
public final class NameMatch {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_NAME_CHARS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameMatch() {
    }

    static boolean same(String a, String b) {
        List<String> ta = tokens(a);
        List<String> tb = tokens(b);
        if (ta.isEmpty() || tb.isEmpty()) {
            return false;
        }
        if (String.join("", ta).equals(String.join("", tb))) {
            return true;
        }
        Collections.sort(ta);
        Collections.sort(tb);
        return ta.equals(tb);
    }

    /**
     * The name as an index key: its tokens, normalised and sorted, so two spellings {@link #same} finds by
     * word order or case meet on one key (names written without spaces are one token). Null when nothing
     * of a name is left. Lossy on purpose: the index holds no e-mail address, no title, no original spelling.
     */
    public static String key(String name) {
        List<String> t = tokens(name);
        if (t.isEmpty()) {
            return null;
        }
        Collections.sort(t);
        return String.join(" ", t);
    }

    private static List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) {
            return out;
        }
        String n = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        for (String t : NON_NAME_CHARS.split(n)) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
