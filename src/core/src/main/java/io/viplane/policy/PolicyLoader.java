package io.viplane.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Loads a policy by name ({@code white-glove}) or by file path and validates it, so that a
 * mistake in a policy stops start-up with the file, the path and the reason, instead of
 * routing tickets wrongly for hours.
 */
public final class PolicyLoader {
    public static final String DEFAULT_POLICY = "white-glove";
    static final String POLICY_DIR = "topology/policies";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // A key written twice (e.g. two T1 entitlements) would otherwise let the last one silently win.
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private PolicyLoader() {
    }

    /** A name resolves to {@code topology/policies/NAME.yaml}, on disk first, then bundled in the jar. */
    public static LoadedPolicy load(String nameOrFile) {
        Path asFile = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml") || Files.isRegularFile(asFile)) {
            return loadFile(asFile);
        }
        Path onDisk = Path.of(POLICY_DIR, nameOrFile + ".yaml");
        if (Files.isRegularFile(onDisk)) {
            return loadFile(onDisk);
        }
        String resource = "/policies/" + nameOrFile + ".yaml";
        try (InputStream in = PolicyLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PolicyException(nameOrFile, "", "no such policy (looked for " + onDisk
                        + " and the bundled " + resource.substring(1) + ")");
            }
            return new LoadedPolicy(parse(in, resource.substring(1)), resource.substring(1), null);
        } catch (IOException e) {
            throw new PolicyException("cannot read policy " + resource, e);
        }
    }

    /**
     * The policy's YAML as written (resolved as {@link #load} does), validated first: what
     * {@code viplane policy diff} compares, so its paths are the file's own.
     */
    public static com.fasterxml.jackson.databind.JsonNode tree(String nameOrFile) {
        return tree(load(nameOrFile));
    }

    /** The YAML of a policy already loaded, as written. */
    public static com.fasterxml.jackson.databind.JsonNode tree(LoadedPolicy loaded) {
        return yamlTree(text(loaded), loaded.origin());
    }

    /** The tree of a policy's text, read before (the text is what was validated). */
    static com.fasterxml.jackson.databind.JsonNode yamlTree(String text, String origin) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new PolicyException("cannot read policy " + origin, e);
        }
    }

    /** The policy file's text (comments included), validated first. */
    public static String text(String nameOrFile) {
        return text(load(nameOrFile));
    }

    /** The text of a policy already loaded (and so validated), from where it was loaded. */
    public static String text(LoadedPolicy loaded) {
        String origin = loaded.origin();
        try (InputStream in = loaded.baseDir() != null ? Files.newInputStream(Path.of(origin))
                : PolicyLoader.class.getResourceAsStream("/" + origin)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException("cannot read policy " + origin, e);
        }
    }

    public static LoadedPolicy loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PolicyException(file.toString(), "", "file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new LoadedPolicy(parse(in, file.toString()), file.toString(), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new PolicyException("cannot read policy " + file, e);
        }
    }

    public static Policy parse(InputStream in, String fileName) {
        Policy policy;
        try {
            policy = YAML.readValue(in, Policy.class);
        } catch (JsonMappingException e) {
            throw new PolicyException(fileName, jsonPath(e), firstLine(e.getOriginalMessage()));
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            // Parser-level errors (a duplicate key) know where they are only through the parsing context.
            throw new PolicyException(fileName, contextPath(e.getProcessor() == null ? null
                    : e.getProcessor().getParsingContext()), "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PolicyException(fileName, "", "not valid YAML: " + firstLine(e.getMessage()));
        }
        if (policy == null) {
            throw new PolicyException(fileName, "", "the file is empty");
        }
        PolicyValidator.validate(policy, fileName);
        return policy;
    }

    /** Dotted path of the field a binding error is about ({@code pools[0].min_level}); also used by section binders. */
    public static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String contextPath(com.fasterxml.jackson.core.JsonStreamContext ctx) {
        java.util.LinkedList<String> names = new java.util.LinkedList<>();
        for (var c = ctx; c != null; c = c.getParent()) {
            if (c.getCurrentName() != null) {
                names.addFirst(c.getCurrentName());
            } else if (c.inArray()) {
                names.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        if (!names.isEmpty()) {
            names.removeLast(); // the offending key itself; the message names it
        }
        return String.join(".", names).replace(".[", "[");
    }

    /** Jackson messages carry a source excerpt after the first line; policy errors keep only the first. */
    public static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** @param baseDir folder of the policy file, for files it refers to (null when bundled) */
    public record LoadedPolicy(Policy policy, String origin, Path baseDir) {
    }
}
