package io.viplane.bench;

import io.viplane.policy.PolicyException;
import io.viplane.policy.PolicyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark driver (run by {@code scripts/bench}, which starts and stops the broker):
 * <pre>
 *   Bench routing --bootstrap-server HOST:PORT --out DIR [--events N] [--warmup N] [--rate R] [--latency-seconds S]
 *   Bench sla     --bootstrap-server HOST:PORT --out DIR [--open-tickets N] [--lead-seconds S] [--spread-seconds S]
 *                 [--grace-seconds S]
 *   Bench notify  --bootstrap-server HOST:PORT --out DIR [--rate N] [--latency-seconds S]
 *   Bench report  --out DIR
 * </pre>
 * Each scenario expects a fresh broker with the contract topics and writes DIR/routing.md or DIR/sla.md;
 * {@code report} joins them under a header (date, cores, JVM) into DIR/results.md and prints it.
 */
public final class Bench {
    static final String USAGE = """
            usage: Bench routing|sla|notify|report --out DIR [--bootstrap-server HOST:PORT] [--policy NAME|FILE] [--seed N]
              routing: [--events N] [--warmup N] [--rate EVENTS_PER_S] [--latency-seconds S]
              sla:     [--open-tickets N] [--lead-seconds S] [--spread-seconds S] [--grace-seconds S]
              notify:  [--rate ESCALATIONS_PER_S] [--latency-seconds S]
            """;
    private static final Set<String> FLAGS = Set.of("bootstrap-server", "out", "policy", "seed", "events", "warmup",
            "rate", "latency-seconds", "open-tickets", "lead-seconds", "spread-seconds", "grace-seconds");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Bench() {
    }

    public static void main(String[] argv) {
        int code;
        try {
            code = run(BenchArgs.parse(argv, FLAGS));
        } catch (BenchArgs.UsageException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(USAGE);
            code = 2;
        } catch (PolicyException | IllegalStateException e) {
            System.err.println("bench: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    static int run(BenchArgs args) {
        Path out = Path.of(args.get("out", "target/bench"));
        String bootstrap = args.get("bootstrap-server", "127.0.0.1:19292");
        long seed = args.intValue("seed", 7, 0);
        switch (args.command()) {
            case "routing" -> {
                int events = args.intValue("events", 50_000, 100);
                var settings = new RoutingScenario.Settings(events, args.intValue("warmup", Math.min(5_000, events / 5), 10),
                        args.intValue("rate", 1_000, 1), args.intValue("latency-seconds", 20, 1), seed);
                PolicyLoader.LoadedPolicy policy = PolicyLoader.load(args.get("policy", PolicyLoader.DEFAULT_POLICY));
                var result = new RoutingScenario(bootstrap, freshState(out, "routing"), settings).run(policy);
                emit(out.resolve("routing.md"), Report.routing(result));
            }
            case "sla" -> {
                var settings = new SlaScenario.Settings(args.intValue("open-tickets", 100_000, 1),
                        args.intValue("lead-seconds", 60, 1), args.intValue("spread-seconds", 60, 0),
                        args.intValue("grace-seconds", 60, 1), seed);
                PolicyLoader.LoadedPolicy policy = PolicyLoader.load(args.get("policy", PolicyLoader.DEFAULT_POLICY));
                var result = new SlaScenario(bootstrap, freshState(out, "sla"), settings).run(policy);
                String text = Report.sla(result);
                emit(out.resolve("sla.md"), text);
                if (result.breaches() == 0) {
                    System.out.println(Report.NOT_WIRED);
                }
            }
            case "notify" -> {
                var settings = new NotifyScenario.Settings(args.intValue("rate", 100, 1),
                        args.intValue("latency-seconds", 30, 1));
                try {
                    var result = new NotifyScenario(bootstrap, freshState(out, "notify"), settings).run();
                    emit(out.resolve("notify.md"), Report.notify(result));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            case "report" -> report(out);
            default -> throw new BenchArgs.UsageException("unknown command '" + args.command() + "'");
        }
        return 0;
    }

    private static void report(Path out) {
        Runtime rt = Runtime.getRuntime();
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE) + " "
                + LocalTime.now(ZoneOffset.UTC).format(CLOCK) + " UTC";
        StringBuilder text = new StringBuilder(Report.header(date, rt.availableProcessors(), jvm, rt.maxMemory()));
        for (String part : new String[] {"routing.md", "sla.md", "notify.md"}) {
            Path p = out.resolve(part);
            if (Files.isRegularFile(p)) {
                text.append(read(p));
            }
        }
        write(out.resolve("results.md"), text.toString());
        System.out.print(text);
        System.out.println("\n(written to " + out.resolve("results.md") + ")");
    }

    private static void emit(Path file, String text) {
        write(file, text);
        System.out.print(text);
    }

    /** A scenario runs against a fresh broker, so state left by an earlier run must go. */
    private static Path freshState(Path out, String scenario) {
        Path dir = out.resolve("state").resolve(scenario);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear " + dir, e);
            }
        }
        return dir;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void progress(String format, Object... args) {
        System.err.println("bench " + LocalTime.now().format(CLOCK) + " " + String.format(format, args));
    }
}
