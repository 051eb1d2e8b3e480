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
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

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
        } catch (IOException e) {
            throw new PolicyException(fileName, "", "not valid YAML: " + firstLine(e.getMessage()));
        }
        if (policy == null) {
            throw new PolicyException(fileName, "", "the file is empty");
        }
        PolicyValidator.validate(policy, fileName);
        return policy;
    }

    static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String firstLine(String s) {
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
