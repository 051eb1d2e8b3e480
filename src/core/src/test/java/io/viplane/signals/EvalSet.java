package io.viplane.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON-lines evaluation set from the test classpath (test support, not a test). */
final class EvalSet {

    /** One labeled message; split is "tune" unless the line says "heldout". */
    record Example(String id, String lang, String label, String text, String split) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalSet() {
    }

    static List<Example> load(String resource) {
        InputStream in = EvalSet.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        List<Example> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                out.add(new Example(req(node, "id", n), req(node, "lang", n), req(node, "label", n),
                        req(node, "text", n), node.path("split").asText("tune")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String req(JsonNode node, String field, int line) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalStateException("line " + line + ": missing " + field);
        }
        return v.asText();
    }
}
