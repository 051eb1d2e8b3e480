package io.viplane.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Confluent-compatible schema registry for tests: Apicurio Registry (unpacked from Maven
 * Central into {@code target/apicurio-registry} by the build) as a child process on free ports, with
 * in-memory storage and BACKWARD compatibility as Confluent's default. It needs Java 21 or newer,
 * found next to the Java 17 that runs the build. Start one per test class; {@link #close()} stops it.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private EmbeddedSchemaRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static EmbeddedSchemaRegistry start() {
        Path home = Path.of(System.getProperty("viplane.apicurio.dir", "target/apicurio-registry"));
        Path jar = home.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Apicurio Registry is not unpacked at " + home
                    + " (mvn generate-test-resources unpacks it from Maven Central)");
        }
        Path java = findJava21().orElseThrow(() -> new IllegalStateException(
                "Apicurio Registry needs Java 21+; none found (set VIPLANE_REGISTRY_JAVA to a java binary)"));
        int port = freePort();
        int management = freePort();
        Path log = home.getParent().resolve("apicurio-" + port + ".log");
        List<String> cmd = List.of(java.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + management,
                "-Dapicurio.rules.global.compatibility=BACKWARD", "-jar", jar.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Apicurio Registry with " + java, e);
        }
        EmbeddedSchemaRegistry r = new EmbeddedSchemaRegistry(p, port, log);
        Runtime.getRuntime().addShutdownHook(new Thread(r::close));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI ready = URI.create("http://127.0.0.1:" + management + "/health/ready");
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + p.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> resp = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (resp.statusCode() == 200) {
                    return r;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(250);
        }
        r.close();
        throw new IllegalStateException("Apicurio Registry not ready within " + START_TIMEOUT + "; see " + log);
    }

    /** The Confluent-compatible API: what {@code schema.registry.url} points at. */
    public String url() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    public Path log() {
        return log;
    }

    /** This JVM if it is 21+, else {@code VIPLANE_REGISTRY_JAVA}, else the newest 21+ JDK under /usr/lib/jvm. */
    static Optional<Path> findJava21() {
        String explicit = System.getenv("VIPLANE_REGISTRY_JAVA");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        List<Path> roots = new ArrayList<>(List.of(Path.of("/usr/lib/jvm")));
        String javaHome = System.getProperty("java.home");
        if (javaHome != null && Path.of(javaHome).getParent() != null) {
            roots.add(Path.of(javaHome).getParent());
        }
        Path best = null;
        int bestVersion = 0;
        Pattern version = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.toList()) {
                    Path release = dir.resolve("release");
                    Path bin = dir.resolve("bin/java");
                    if (!Files.isRegularFile(release) || !Files.isExecutable(bin)) {
                        continue;
                    }
                    Matcher m = version.matcher(Files.readString(release));
                    if (m.find()) {
                        int v = Integer.parseInt(m.group(1));
                        if (v >= 21 && v > bestVersion) {
                            best = bin;
                            bestVersion = v;
                        }
                    }
                }
            } catch (IOException e) {
                // an unreadable folder is not a JDK we can use
            }
        }
        return Optional.ofNullable(best);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
