package io.viplane.policy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comments a policy file writes next to its rules ({@code first_response_minutes: 15  # 24/7},
 * {@code arr: {gt: 500000}  # "Annual contract value > $500K"}), by the dotted path of the rule they sit
 * on. YAML parsers drop comments; the policy document quotes them, because that is where each rule
 * cites the seed sentence it comes from. A line-based reader for the block style the shipped policies
 * use: a list item is named by its {@code tier}/{@code name} key, as {@link PolicyDiff} names it.
 */
public final class PolicyNotes {
    private static final Pattern LINE = Pattern.compile("^(\\s*)(- )?([A-Za-z0-9_]+):(.*)$");
    private static final List<String> IDENTITIES = List.of("tier", "name", "id", "kind", "metric", "signal");

    private PolicyNotes() {
    }

    public static Map<String, String> of(String yaml) {
        Map<String, String> notes = new LinkedHashMap<>();
        Deque<String[]> stack = new ArrayDeque<>(); // {indent, segment}
        for (String line : yaml.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length();
            String key = m.group(3);
            String rest = m.group(4);
            if (m.group(2) != null) {
                // "- tier: T1": the item is named by its identity, and its keys sit two columns further in.
                while (!stack.isEmpty() && Integer.parseInt(stack.peek()[0]) > indent) {
                    stack.pop();
                }
                String value = valueOf(rest);
                if (IDENTITIES.contains(key) && !value.isEmpty()) {
                    stack.push(new String[] {Integer.toString(indent + 1), value});
                }
                indent += 2;
            }
            while (!stack.isEmpty() && Integer.parseInt(stack.peek()[0]) >= indent) {
                stack.pop();
            }
            String comment = commentOf(rest);
            List<String> segments = new java.util.ArrayList<>();
            stack.descendingIterator().forEachRemaining(s -> segments.add(s[1]));
            segments.add(key);
            if (comment != null) {
                notes.put(String.join(".", segments), comment);
            }
            stack.push(new String[] {Integer.toString(indent), key});
        }
        return notes;
    }

    private static String valueOf(String rest) {
        String c = commentOf(rest);
        String v = c == null ? rest : rest.substring(0, rest.indexOf(" #"));
        return v.strip().replace("\"", "");
    }

    /** The comment after a value: " #" outside double quotes. */
    private static String commentOf(String rest) {
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && (i == 0 || rest.charAt(i - 1) == ' ')) {
                String text = rest.substring(i + 1).strip();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }
}
