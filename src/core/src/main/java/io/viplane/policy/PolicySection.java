package io.viplane.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Strict reader of one policy section (a YAML tree) for the packages that bind their own section:
 * every value is required, unknown keys are errors (a typo must not silently turn a rule off), and
 * each error names the file and the full path, so a support-operations team can fix the file
 * without reading code. Nested sections inherit the {@link Dialect} of their root.
 */
public final class PolicySection {
    /**
     * The conventions a binder was written against. Escalation and risk each grew a reader before
     * they were merged, and their messages differ; operators and tests know those messages, so each
     * binder keeps its own rather than one being reworded.
     *
     * @param exact     {@code true}: enum symbols must be spelled exactly as declared, text is taken
     *                  as written, unknown keys are listed in the order the binder allows them
     *                  ("allowed: ..."), and a missing root section "is required" (an empty one is
     *                  judged by the keys it lacks). {@code false}: symbols are case-insensitive and
     *                  trimmed, text is trimmed, unknown keys are listed sorted ("known: ..."), and a
     *                  missing or empty root section is reported as such.
     * @param sameEntry what makes two entries of a string list duplicates (compared after this)
     */
    public record Dialect(boolean exact, UnaryOperator<String> sameEntry) {
        /** Case-insensitive symbols, trimmed text; string-list entries compared as written. */
        public static final Dialect LENIENT = new Dialect(false, UnaryOperator.identity());

        public Dialect {
            if (sameEntry == null) {
                throw new IllegalArgumentException("sameEntry is required");
            }
        }

        /** Exact symbols and text; string-list entries are duplicates when {@code sameEntry} maps them alike. */
        public static Dialect exact(UnaryOperator<String> sameEntry) {
            return new Dialect(true, sameEntry);
        }
    }

    private final String file;
    private final String path;
    private final JsonNode node;
    private final Dialect dialect;

    private PolicySection(String file, String path, JsonNode node, Dialect dialect) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.dialect = dialect;
    }

    /** The named top-level section in the {@link Dialect#LENIENT} dialect; it must be a non-empty mapping. */
    public static PolicySection root(String file, String name, JsonNode node) {
        return root(file, name, node, Dialect.LENIENT);
    }

    /** The named top-level section; it must be a mapping (and, unless the dialect is exact, not empty). */
    public static PolicySection root(String file, String name, JsonNode node, Dialect dialect) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new PolicyException(file, name, dialect.exact() ? "is required" : "section is missing");
        }
        if (!node.isObject()) {
            throw new PolicyException(file, name, "must be a mapping");
        }
        if (!dialect.exact() && node.isEmpty()) {
            throw new PolicyException(file, name, "section is empty; it needs its rules (see white-glove.yaml)");
        }
        return new PolicySection(file, name, node, dialect);
    }

    public String path() {
        return path;
    }

    /** An error about this section as a whole. */
    public PolicyException error(String reason) {
        return new PolicyException(file, path, reason);
    }

    /** An error about {@code key} of this section ({@code key} may carry an index, e.g. {@code to[1]}). */
    public PolicyException error(String key, String reason) {
        return new PolicyException(file, key == null || key.isEmpty() ? path : path + "." + key, reason);
    }

    /** Rejects keys this section does not know, listing the ones it does. */
    public PolicySection only(String... keys) {
        Set<String> known = new HashSet<>(Arrays.asList(keys));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw error(k, dialect.exact()
                        ? "unknown key (allowed: " + String.join(", ", keys) + ")"
                        : "unknown key (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return this;
    }

    /** Whether {@code key} is present and not null (for optional keys). */
    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** The value of a required key, unread (for values that may take several shapes). */
    public JsonNode raw(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(key, "is required");
        }
        return v;
    }

    public PolicySection object(String key) {
        return child(key, raw(key));
    }

    /** Entry {@code i} of the list at {@code key}, which must be a mapping. */
    public PolicySection element(String key, int i) {
        JsonNode item = raw(key).get(i);
        if (item == null || item.isNull()) {
            throw error(key + "[" + i + "]", "is required");
        }
        return child(key + "[" + i + "]", item);
    }

    /** A list of mappings, each handed back as its own section ({@code key[i]}). */
    public List<PolicySection> objectList(String key) {
        JsonNode v = list(key);
        List<PolicySection> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(child(key + "[" + i + "]", v.get(i)));
        }
        return out;
    }

    public int integer(String key, int min, int max) {
        JsonNode v = raw(key);
        if (!v.isIntegralNumber()) {
            throw error(key, "must be a whole number");
        }
        long n = v.asLong();
        if (n < min || n > max) {
            throw error(key, "must be between " + min + " and " + max + ", was " + n);
        }
        return (int) n;
    }

    /** A duration in whole minutes that must be positive (the wording names minutes). */
    public int positiveMinutes(String key) {
        JsonNode v = raw(key);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(key, "must be a whole number of minutes");
        }
        if (v.intValue() <= 0) {
            throw error(key, "must be > 0");
        }
        return v.intValue();
    }

    public double number(String key, double min, double max) {
        JsonNode v = raw(key);
        if (!v.isNumber()) {
            throw error(key, "must be a number");
        }
        double d = v.asDouble();
        if (Double.isNaN(d) || d < min || d > max) {
            throw error(key, "must be between " + min + " and " + max + ", was " + d);
        }
        return d;
    }

    public boolean bool(String key) {
        JsonNode v = raw(key);
        if (!v.isBoolean()) {
            throw error(key, "must be true or false");
        }
        return v.booleanValue();
    }

    public String text(String key) {
        return text(key, raw(key));
    }

    /** This node as text (for values of an {@link #enumKeyed} mapping). */
    public String asText() {
        return text("", node);
    }

    /** A list of non-empty strings without duplicates (as the dialect compares them). */
    public List<String> strings(String key, boolean allowEmpty) {
        JsonNode v = list(key);
        if (!allowEmpty && v.isEmpty()) {
            throw error(key, "must not be empty");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String at = key + "[" + i + "]";
            if (!e.isTextual() || e.textValue().isBlank()) {
                throw error(at, "must be a non-empty string");
            }
            if (!seen.add(dialect.sameEntry().apply(e.textValue()))) {
                throw error(at, "duplicate entry");
            }
            out.add(e.textValue());
        }
        return Collections.unmodifiableList(out);
    }

    /** A set of symbols read as {@link #strings}: duplicates are judged on the text before parsing. */
    public <E extends Enum<E>> Set<E> enums(String key, Class<E> type, boolean allowEmpty) {
        List<String> names = strings(key, allowEmpty);
        Set<E> out = EnumSet.noneOf(type);
        for (int i = 0; i < names.size(); i++) {
            out.add(parseEnum(key + "[" + i + "]", names.get(i), type));
        }
        return Collections.unmodifiableSet(out);
    }

    /** An ordered list of symbols (may be empty); a symbol given twice is an error. */
    public <E extends Enum<E>> List<E> enumList(String key, Class<E> type) {
        JsonNode v = list(key);
        List<E> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String at = key + "[" + i + "]";
            if (!item.isTextual()) {
                throw error(at, "must be a string");
            }
            E e = parseEnum(at, item.asText(), type);
            if (out.contains(e)) {
                throw error(at, "repeated value " + e);
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        return parseEnum(key, text(key), type);
    }

    /** A mapping whose keys are symbols (spelled as the dialect allows), in file order. */
    public <E extends Enum<E>> Map<E, PolicySection> enumKeyed(String key, Class<E> type) {
        PolicySection m = object(key);
        Map<E, PolicySection> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            E symbol = m.parseEnum(e.getKey(), e.getKey(), type);
            out.put(symbol, new PolicySection(file, m.path + "." + e.getKey(), e.getValue(), dialect));
        }
        return out;
    }

    private PolicySection child(String key, JsonNode v) {
        if (!v.isObject()) {
            throw error(key, "must be a mapping");
        }
        return new PolicySection(file, path + "." + key, v, dialect);
    }

    private JsonNode list(String key) {
        JsonNode v = raw(key);
        if (!v.isArray()) {
            throw error(key, "must be a list");
        }
        return v;
    }

    private String text(String key, JsonNode v) {
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw error(key, "must be a non-empty string");
        }
        return dialect.exact() ? v.textValue() : v.textValue().strip();
    }

    private <E extends Enum<E>> E parseEnum(String key, String raw, Class<E> type) {
        try {
            return Enum.valueOf(type, dialect.exact() ? raw : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            String symbols = String.join(", ", names);
            throw error(key, dialect.exact()
                    ? "'" + raw + "' is not one of " + symbols
                    : "unknown value '" + raw + "' (one of " + symbols + ")");
        }
    }
}
