package io.viplane.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Confluent's own JavaScript Schema Registry client ({@code @confluentinc/schemaregistry}, pinned in
 * {@code src/app/src/test/js/package.json} and its lock file) run by node as a third-party judge of our
 * Confluent wire format. Installed with {@code npm ci} into {@code target/js-judge} on first use;
 * tests that need it are skipped where node and npm are not installed.
 */
public final class JavaScriptJudge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE = Path.of("src/app/src/test/js");
    private static final Path DIR = Path.of(System.getProperty("viplane.apicurio.dir", "target/apicurio-registry"))
            .toAbsolutePath().getParent().resolve("js-judge");

    private JavaScriptJudge() {
    }

    public static boolean available() {
        return onPath("node") && onPath("npm");
    }

    /** Runs {@code judge.js} with the request (see the script) and returns its answer. */
    public static synchronized JsonNode run(String registryUrl, JsonNode request) throws IOException, InterruptedException {
        install();
        Path in = Files.createTempFile("judge-request", ".json");
        Files.writeString(in, request.toString());
        Path err = DIR.resolve("judge-stderr.txt");
        Process p = new ProcessBuilder("node", "judge.js", registryUrl).directory(DIR.toFile())
                .redirectInput(in.toFile()).redirectError(err.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("judge.js did not finish within 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("judge.js failed: " + Files.readString(err));
        }
        return JSON.readTree(new String(out, StandardCharsets.UTF_8));
    }

    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        for (String f : List.of("package.json", "package-lock.json", "judge.js")) {
            Files.copy(SOURCE.resolve(f), DIR.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(DIR.resolve("node_modules/@confluentinc/schemaregistry"))) {
            return;
        }
        Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error").directory(DIR.toFile())
                .redirectErrorStream(true).redirectOutput(DIR.resolve("npm-ci.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("npm ci did not finish within 5 minutes; see " + DIR.resolve("npm-ci.log"));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed: " + Files.readString(DIR.resolve("npm-ci.log")));
        }
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }
}
