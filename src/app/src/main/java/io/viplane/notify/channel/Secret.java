package io.viplane.notify.channel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A webhook URL, token, routing key or signing secret. Written in the configuration as
 * {@code env:NAME} (an environment variable) or {@code file:/path} (first line of a file, as
 * container secrets are mounted); a literal is accepted for local tests. {@link #toString()} never
 * shows the value, so a secret that reaches a log line or an exception prints as {@code ***}.
 */
public final class Secret {
    private final String value;
    private final String source;

    private Secret(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /** @throws IllegalArgumentException naming the variable or file (never the value) when it is missing */
    public static Secret resolve(String spec, Map<String, String> env) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("missing");
        }
        if (spec.startsWith("env:")) {
            String name = spec.substring(4);
            String v = env.get(name);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("environment variable " + name + " is not set");
            }
            return new Secret(v.trim(), spec);
        }
        if (spec.startsWith("file:")) {
            Path p = Path.of(spec.substring(5));
            try {
                String v = Files.readString(p).lines().findFirst().orElse("").trim();
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("file " + p + " is empty");
                }
                return new Secret(v, spec);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read file " + p);
            }
        }
        return new Secret(spec, "literal");
    }

    public static Secret of(String value) {
        return new Secret(value, "literal");
    }

    public String reveal() {
        return value;
    }

    /** Where the secret came from ("env:SLACK_URL"), safe to log. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "***";
    }
}
