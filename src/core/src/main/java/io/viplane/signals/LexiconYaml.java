package io.viplane.signals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/** Shared YAML binding and merge helpers for the signal lexicons. */
final class LexiconYaml {

    /** Policy files keep signal settings under this key. */
    static final String POLICY_SECTION = "signals";

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // a misspelt key in a policy file must fail loudly, not silently do nothing
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LexiconYaml() {
    }

    static JsonNode read(InputStream in) {
        Objects.requireNonNull(in, "input stream");
        try (in) {
            JsonNode node = YAML.readTree(in);
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw new IllegalArgumentException("empty lexicon document");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon YAML", e);
        }
    }

    static JsonNode readResource(String path) {
        InputStream in = LexiconYaml.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + path);
        }
        return read(in);
    }

    /**
     * Finds the lexicon inside a document that may be a whole policy ({@code signals.<key>}),
     * a fragment ({@code <key>: ...}) or the lexicon itself. Returns null when a policy has none.
     */
    static JsonNode locate(JsonNode root, String key) {
        Objects.requireNonNull(root, "node");
        if (root.has(POLICY_SECTION) && root.get(POLICY_SECTION).isObject()) {
            JsonNode section = root.get(POLICY_SECTION).get(key);
            return section == null || section.isNull() ? null : section;
        }
        if (root.has(key) && root.get(key).isObject()) {
            return root.get(key);
        }
        return root;
    }

    static <T> T bind(JsonNode node, Class<T> type, String what) {
        try {
            return YAML.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + what + ": " + e.getMessage(), e);
        }
    }

    /** "extends" values: overlay on the shipped default (the default) or stand alone. */
    static boolean extendsDefault(String base) {
        if (base == null || base.isBlank() || base.equalsIgnoreCase("default")) {
            return true;
        }
        if (base.equalsIgnoreCase("none")) {
            return false;
        }
        throw new IllegalArgumentException("extends must be 'default' or 'none', got '" + base + "'");
    }

    static <T> List<T> list(List<T> in) {
        return in == null ? List.of() : List.copyOf(in);
    }

    static <K, V> Map<K, V> map(Map<K, V> in) {
        return in == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(in));
    }

    /** Appends, keeping first occurrences: overrides extend lists rather than replace them. */
    static <T> List<T> union(List<T> a, List<T> b) {
        LinkedHashSet<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    static <K, V> Map<K, V> mergeMaps(Map<K, V> base, Map<K, V> over, BinaryOperator<V> merge) {
        Map<K, V> out = new LinkedHashMap<>(base);
        over.forEach((k, v) -> out.merge(k, v, merge));
        return Collections.unmodifiableMap(out);
    }

    static <T> T firstNonNull(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
