package io.viplane.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule changes between two policy versions, in words a support leader reads ("T2 first response:
 * 30 → 20 min"), from the two YAML trees as written. Lists of rules are matched by what names them (a
 * tier, a name, a kind), not by position, so inserting a rule does not read as every later one changing;
 * lists of plain values (flags, roles) read as added and removed items.
 */
public final class PolicyDiff {
    /** Fields that name an element of a list of rules, in order of preference. */
    private static final List<String> IDENTITIES = List.of("tier", "name", "id", "kind", "metric", "signal", "version");
    /** Containers whose name adds nothing to the sentence: "entitlements T2 first response" reads "T2 first response". */
    private static final Set<String> SILENT = Set.of("entitlements");

    private PolicyDiff() {
    }

    public static List<String> changes(JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        walk(new ArrayList<>(), before, after, out);
        return out;
    }

    private static void walk(List<String> path, JsonNode a, JsonNode b, List<String> out) {
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                List<String> p = with(path, k);
                if (!b.has(k)) {
                    out.add(phrase(p) + ": removed (was " + value(k, a.get(k)) + ")");
                } else if (!a.has(k)) {
                    out.add(phrase(p) + ": added, " + value(k, b.get(k)));
                } else {
                    walk(p, a.get(k), b.get(k), out);
                }
            }
        } else if (a.isArray() && b.isArray()) {
            walkArray(path, a, b, out);
        } else if (!a.equals(b)) {
            String field = path.isEmpty() ? "" : path.get(path.size() - 1);
            out.add(phrase(path) + ": " + scalar(a) + " → " + value(field, b));
        }
    }

    private static void walkArray(List<String> path, JsonNode a, JsonNode b, List<String> out) {
        String id = identity(a, b);
        if (id != null) {
            Map<String, JsonNode> before = byId(a, id);
            Map<String, JsonNode> after = byId(b, id);
            Set<String> ids = new LinkedHashSet<>(before.keySet());
            ids.addAll(after.keySet());
            for (String key : ids) {
                List<String> p = with(path, key);
                if (!after.containsKey(key)) {
                    out.add(phrase(p) + ": removed");
                } else if (!before.containsKey(key)) {
                    out.add(phrase(p) + ": added, " + after.get(key));
                } else {
                    walk(p, before.get(key), after.get(key), out);
                }
            }
        } else if (allScalars(a) && allScalars(b)) {
            Set<String> before = texts(a);
            Set<String> after = texts(b);
            List<String> parts = new ArrayList<>();
            after.stream().filter(x -> !before.contains(x)).forEach(x -> parts.add("added " + x));
            before.stream().filter(x -> !after.contains(x)).forEach(x -> parts.add("removed " + x));
            if (!parts.isEmpty()) {
                out.add(phrase(path) + ": " + String.join(", ", parts));
            } else if (!a.equals(b)) {
                out.add(phrase(path) + ": reordered " + a + " → " + b);
            }
        } else {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                List<String> p = with(path, "[" + i + "]");
                if (i >= b.size()) {
                    out.add(phrase(p) + ": removed (was " + a.get(i) + ")");
                } else if (i >= a.size()) {
                    out.add(phrase(p) + ": added, " + b.get(i));
                } else {
                    walk(p, a.get(i), b.get(i), out);
                }
            }
        }
    }

    /** The field every element of both lists carries with a distinct value, or null. */
    private static String identity(JsonNode a, JsonNode b) {
        for (String id : IDENTITIES) {
            if (identifiedBy(a, id) && identifiedBy(b, id)) {
                return id;
            }
        }
        return null;
    }

    private static boolean identifiedBy(JsonNode list, String id) {
        if (list.isEmpty()) {
            return true;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode e : list) {
            if (!e.isObject() || !e.path(id).isValueNode() || !seen.add(e.get(id).asText())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byId(JsonNode list, String id) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        list.forEach(e -> out.put(e.get(id).asText(), e));
        return out;
    }

    private static boolean allScalars(JsonNode list) {
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            if (!it.next().isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> texts(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static List<String> with(List<String> path, String segment) {
        List<String> p = new ArrayList<>(path);
        p.add(segment);
        return p;
    }

    /** "entitlements.T2.first_response_minutes" → "T2 first response". */
    static String phrase(List<String> path) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            String s = path.get(i);
            if (i == 0 && SILENT.contains(s)) {
                continue;
            }
            words.add(unitless(s).replace('_', ' '));
        }
        return words.isEmpty() ? "(the whole policy)" : String.join(" ", words);
    }

    private static String unitless(String field) {
        for (String unit : List.of("_minutes", "_days", "_hours")) {
            if (field.endsWith(unit) && field.length() > unit.length()) {
                return field.substring(0, field.length() - unit.length());
            }
        }
        return field;
    }

    private static String value(String field, JsonNode v) {
        String unit = field.endsWith("_minutes") ? " min" : field.endsWith("_days") ? " days" : field.endsWith("_hours") ? " h" : "";
        return scalar(v) + (v.isNumber() ? unit : "");
    }

    private static String scalar(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
