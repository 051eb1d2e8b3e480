package io.viplane.simulate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the simulator's YAML files strictly: an unknown or misspelt key is an error, not a default. */
final class SimFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private SimFiles() {
    }

    /** A file when given, else the shipped default ({@code simulate/NAME} on the classpath). */
    static <T> T read(Path file, String defaultName, Class<T> type) {
        try (InputStream in = file != null ? Files.newInputStream(file)
                : SimFiles.class.getResourceAsStream("/simulate/" + defaultName)) {
            if (in == null) {
                throw new IllegalStateException("no shipped simulate/" + defaultName);
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            String where = file != null ? file.toString() : "simulate/" + defaultName;
            throw new UncheckedIOException(where + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
