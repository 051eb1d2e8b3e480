package io.viplane.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The CLI's contract: strict flags, per-command help, configuration precedence, a fast clear failure. */
class CliTest {
    /** Every command and the flags its help must mention (its own and the shared ones it takes). */
    private static final Map<String, List<String>> FLAGS = Map.of(
            "topics", List.of("--partitions", "--replication-factor", "--bootstrap-server", "--config"),
            "run", List.of("--application-id", "--state-dir", "--policy", "--format", "--clock", "--bootstrap-server",
                    "--max-future-skew-ms", "--text-cap", "--allowed-lateness-ms", "--config"),
            "replay", List.of("FILE.jsonl", "--format", "--bootstrap-server", "--config"),
            "tail", List.of("TOPIC", "--from-beginning", "--max-messages", "--timeout-ms", "--format",
                    "--bootstrap-server", "--config"),
            "report", List.of("--timeout-ms", "--wait-for", "--settle-ms", "--format", "--bootstrap-server", "--config"),
            "describe", List.of("--policy", "--config"));

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome cli(Map<String, String> env, String... argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(argv, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Outcome cli(String... argv) {
        return cli(Map.of(), argv);
    }

    @Test
    void policyCheckSummarisesAValidPolicyAndRefusesABrokenOneWithItsPath() throws Exception {
        Outcome ok = cli("policy", "check", "white-glove");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("policy white-glove (topology/policies/white-glove.yaml): valid"), ok.out());
        assertTrue(ok.out().contains("version 1.0, effective 2026-12-01T05:00:00Z, approved by Head of Support"), ok.out());
        assertTrue(ok.out().contains("T1: first response 15 min, next reply 30 min, calendar always, queue TIER1_SENIOR, "
                + "escalates to SUPPORT_VP within 15 min"), ok.out());
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(Path.of("topology/policies/white-glove.yaml"))
                .replace("review_every: P6M", "review_every: six months"));
        Outcome bad = cli("policy", "check", broken.toString());
        assertEquals(1, bad.code());
        assertEquals("viplane policy check: invalid policy " + broken + " at document.review_every: not an ISO period (e.g. P6M)",
                bad.err().strip());
    }

    @Test
    void policyDiffListsTheRuleChangesBetweenTwoFiles() throws Exception {
        Path next = dir.resolve("next.yaml");
        Files.writeString(next, Files.readString(Path.of("topology/policies/white-glove.yaml"))
                .replaceFirst("first_response_minutes: 30", "first_response_minutes: 20"));
        Outcome o = cli("policy", "diff", "white-glove", next.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("T2 first response: 30 → 20 min", o.out().strip());
        assertEquals("no rule changes", cli("policy", "diff", "white-glove", "white-glove").out().strip());
        assertEquals(2, cli("policy", "diff", "white-glove").code(), "NEW is required");
    }

    @Test
    void anUnknownFlagExits2NamingItWithTheCommandsUsage() {
        Outcome o = cli("run", "--polcy", "x");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("viplane run: Unknown options: '--polcy'"), o.err());
        assertTrue(o.err().contains("--policy"), "suggests the near miss: " + o.err());
        assertTrue(o.err().contains("Usage: viplane run"), o.err());
        assertEquals("", o.out());
        // A typo is named even when a required argument is missing too (picocli would report the latter).
        Outcome typo = cli("tail", "--from-begining");
        assertEquals(2, typo.code());
        assertTrue(typo.err().startsWith("viplane tail: Unknown option: '--from-begining'"), typo.err());
        assertTrue(typo.err().contains("--from-beginning"), typo.err());
        for (String command : FLAGS.keySet()) {
            Outcome bad = cli(command, "--no-such-flag=1");
            assertEquals(2, bad.code(), command);
            assertTrue(bad.err().contains("'--no-such-flag=1'") && bad.err().contains("Usage: viplane " + command),
                    command + ": " + bad.err());
        }
    }

    @Test
    void anUnknownOrMissingCommandExits2WithTheCommandList() {
        Outcome o = cli("frob", "--bootstrap-server", "x:1");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("viplane: unknown command 'frob'"), o.err());
        assertTrue(o.err().contains("Usage: viplane"), o.err());
        FLAGS.keySet().forEach(c -> assertTrue(o.err().contains("  " + c + " "), c + " listed: " + o.err()));

        Outcome none = cli();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("viplane: missing COMMAND"), none.err());
    }

    @Test
    void missingOrMistypedValuesExit2() {
        assertEquals(2, cli("tail").code());
        assertTrue(cli("tail").err().contains("Missing required parameter: 'TOPIC'"));
        assertEquals(2, cli("replay").code());
        Outcome notANumber = cli("topics", "--partitions", "three");
        assertEquals(2, notANumber.code());
        assertTrue(notANumber.err().contains("'--partitions'") && notANumber.err().contains("three"), notANumber.err());
        assertEquals(2, cli("tail", "a", "b").code(), "one TOPIC, not two");
    }

    @Test
    void badValuesFromTheEnvironmentOrFileAreUsageErrorsReportedBeforeConnecting() throws IOException {
        // 127.0.0.1:1 would take the whole connect timeout: a quick exit proves nothing was attempted.
        long start = System.nanoTime();
        Outcome clock = cli(Map.of("VIPLANE_CLOCK", "sundial"), "run", "--bootstrap-server", "127.0.0.1:1");
        assertEquals(2, clock.code());
        assertTrue(clock.err().startsWith("viplane run: --clock must be wall-clock or stream-time, not 'sundial'"),
                clock.err());
        Outcome format = cli(Map.of("VIPLANE_FORMAT", "xml"), "report", "--bootstrap-server", "127.0.0.1:1");
        assertEquals(2, format.code());
        assertTrue(format.err().startsWith("viplane report: unknown format 'xml'"), format.err());
        Outcome noFile = cli("topics", "--config", dir.resolve("missing.properties").toString());
        assertEquals(2, noFile.code());
        assertTrue(noFile.err().startsWith("viplane topics: cannot read config"), noFile.err());
        Outcome skew = cli(Map.of("VIPLANE_MAX_FUTURE_SKEW_MS", "-5"), "run", "--bootstrap-server", "127.0.0.1:1");
        assertEquals(2, skew.code());
        assertTrue(skew.err().startsWith("viplane run: " + AppConfig.MAX_FUTURE_SKEW_MS
                + " must be a positive number of milliseconds, not '-5'"), skew.err());
        Outcome cap = cli("run", "--text-cap", "lots", "--bootstrap-server", "127.0.0.1:1");
        assertEquals(2, cap.code());
        assertTrue(cap.err().startsWith("viplane run: " + AppConfig.TEXT_CAP_CHARS
                + " must be a positive number of characters, not 'lots'"), cap.err());
        Outcome late = cli("run", "--allowed-lateness-ms", "-1", "--bootstrap-server", "127.0.0.1:1");
        assertEquals(2, late.code());
        assertTrue(late.err().startsWith("viplane run: " + AppConfig.ALLOWED_LATENESS_MS
                + " must be a number of milliseconds, 0 or more (got '-1')"), late.err());
        Outcome timeout = cli(Map.of("VIPLANE_CONNECT_TIMEOUT_MS", "soon"), "topics");
        assertEquals(2, timeout.code());
        assertTrue(timeout.err().contains(AppConfig.CONNECT_TIMEOUT_MS), timeout.err());
        Outcome policy = cli("run", "--policy", dir.resolve("nope.yaml").toString(), "--bootstrap-server", "127.0.0.1:1");
        assertEquals(1, policy.code());
        assertTrue(policy.err().startsWith("viplane run: invalid policy"), policy.err());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "no broker was waited for");
    }

    @Test
    void helpPerCommandExits0AndListsItsFlags() {
        FLAGS.forEach((command, flags) -> {
            for (List<String> argv : List.of(List.of(command, "--help"), List.of("help", command))) {
                Outcome o = cli(argv.toArray(String[]::new));
                assertEquals(0, o.code(), argv.toString());
                assertTrue(o.out().startsWith("Usage: viplane " + command), o.out());
                flags.forEach(f -> assertTrue(o.out().contains(f), argv + " mentions " + f + ": " + o.out()));
            }
        });
        Outcome top = cli("--help");
        assertEquals(0, top.code());
        FLAGS.keySet().forEach(c -> assertTrue(top.out().contains("  " + c + " "), c + " listed: " + top.out()));
        assertTrue(top.out().contains("VIPLANE_<KEY>"), top.out());
        assertFalse(cli("describe", "--help").out().contains("--bootstrap-server"), "describe talks to no broker");
    }

    private static AppConfig parsedConfig(Map<String, String> env, String... argv) {
        CommandLine cl = Cli.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        Object command = cl.parseArgs(argv).subcommand().commandSpec().userObject();
        return assertInstanceOf(ConfiguredCommand.class, command).config();
    }

    @Test
    void configFileThenEnvironmentThenFlags() throws IOException {
        Path file = dir.resolve("viplane.properties");
        Files.writeString(file, """
                bootstrap.servers=file:1
                viplane.policy=file-policy
                viplane.format=avro
                viplane.partitions=5
                viplane.clock=stream-time
                security.protocol=SASL_SSL
                """);
        Map<String, String> env = Map.of("VIPLANE_BOOTSTRAP_SERVERS", "env:2", "VIPLANE_POLICY", "env-policy",
                "VIPLANE_PARTITIONS", "6", "VIPLANE_CONNECT_TIMEOUT_MS", "2500", "VIPLANE_SASL_MECHANISM", "PLAIN");

        AppConfig fileOnly = parsedConfig(Map.of(), "run", "--config", file.toString());
        assertEquals("file:1", fileOnly.get("bootstrap.servers"));
        assertEquals("file-policy", fileOnly.get(AppConfig.POLICY));
        assertEquals(15_000, fileOnly.connectTimeoutMs(), "the default wait");
        assertEquals(java.time.Duration.ofMinutes(15), fileOnly.maxFutureSkew(), "the default skew limit");
        assertEquals(65_536, fileOnly.textCap(), "the default text cap");
        assertEquals(java.time.Duration.ofMinutes(30), fileOnly.allowedLateness(), "the default allowed lateness");
        AppConfig limits = parsedConfig(Map.of("VIPLANE_TEXT_CAP_CHARS", "1000", "VIPLANE_ALLOWED_LATENESS_MS", "0"),
                "run", "--max-future-skew-ms", "60000");
        assertEquals(java.time.Duration.ZERO, limits.allowedLateness());
        assertEquals(java.time.Duration.ofMinutes(1), limits.maxFutureSkew());
        assertEquals(1_000, limits.textCap());
        assertFalse(limits.kafka().containsKey(AppConfig.TEXT_CAP_CHARS), "our keys stay ours");

        AppConfig run = parsedConfig(env, "run", "--config", file.toString(), "--bootstrap-server", "flag:3",
                "--clock", "wall-clock", "--application-id", "app-flag");
        assertEquals("flag:3", run.get("bootstrap.servers"), "flag over env over file");
        assertEquals("env-policy", run.get(AppConfig.POLICY), "env over file");
        assertEquals("avro", run.get(AppConfig.FORMAT), "file over default");
        assertEquals("wall-clock", run.get(AppConfig.CLOCK), "flag over file");
        assertEquals("app-flag", run.get("application.id"));
        assertEquals(".viplane/state", run.get("state.dir"), "default");
        assertEquals(2_500, run.connectTimeoutMs());
        assertEquals("SASL_SSL", run.kafka().getProperty("security.protocol"), "client keys pass through");
        assertEquals("PLAIN", run.kafka().getProperty("sasl.mechanism"));
        assertFalse(run.kafka().containsKey(AppConfig.CONNECT_TIMEOUT_MS), "our keys stay ours");

        assertEquals("6", parsedConfig(env, "topics", "--config", file.toString()).get(AppConfig.PARTITIONS));
        assertEquals("2", parsedConfig(env, "topics", "--config", file.toString(), "--partitions", "2")
                .get(AppConfig.PARTITIONS));
        assertEquals("json", parsedConfig(env, "tail", "t", "--config", file.toString(), "--format=json")
                .get(AppConfig.FORMAT));

        Path yaml = dir.resolve("viplane.yaml");
        Files.writeString(yaml, "bootstrap:\n  servers: yaml:4\nviplane:\n  policy: yaml-policy\n");
        AppConfig fromYaml = parsedConfig(Map.of(), "describe", "--config", yaml.toString());
        assertEquals("yaml-policy", fromYaml.get(AppConfig.POLICY));
        assertEquals("yaml:4", fromYaml.get("bootstrap.servers"));
        assertEquals("flag-policy", parsedConfig(Map.of(), "describe", "--config", yaml.toString(), "--policy",
                "flag-policy").get(AppConfig.POLICY));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void anUnreachableBrokerIsOneLineAndExit1() throws IOException {
        int port = closedPort();
        PrintStream realErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        Outcome o;
        long ms;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            long start = System.nanoTime();
            o = cli("topics", "--bootstrap-server", "127.0.0.1:" + port);
            ms = (System.nanoTime() - start) / 1_000_000;
            // The clients' loggers are back to normal afterwards (and this capture sees them).
            LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").warn("probe after the check");
        } finally {
            System.setErr(realErr);
        }
        assertEquals(1, o.code());
        assertEquals("viplane: cannot reach Kafka at 127.0.0.1:" + port + " within 15 s (bootstrap.servers; the wait is "
                + AppConfig.CONNECT_TIMEOUT_MS + ")\n", o.err());
        assertEquals("", o.out());
        String log = logged.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.lines().count(), "no client warnings during the check: " + log);
        assertTrue(log.contains("probe after the check"), log);
        assertTrue(ms < 20_000, "sanity bound only: " + ms + " ms");
    }

    @Test
    void everyCommandThatTalksToKafkaChecksFirst() throws IOException {
        int port = closedPort();
        Path events = Files.writeString(dir.resolve("events.jsonl"), "{}\n");
        Map<String, String> env = Map.of("VIPLANE_CONNECT_TIMEOUT_MS", "1000");
        for (List<String> argv : List.of(List.of("topics"), List.of("run"), List.of("replay", events.toString()),
                List.of("tail", "support.dlq"), List.of("report"))) {
            String[] args = java.util.stream.Stream.concat(argv.stream(),
                    java.util.stream.Stream.of("--bootstrap-server", "localhost:" + port)).toArray(String[]::new);
            Outcome o = cli(env, args);
            assertEquals(1, o.code(), argv.toString());
            assertEquals("viplane: cannot reach Kafka at localhost:" + port + " within 1 s (bootstrap.servers; the wait is "
                    + AppConfig.CONNECT_TIMEOUT_MS + ")\n", o.err(), argv.toString());
        }
        Outcome dns = cli("tail", "t", "--bootstrap-server", "no-such-host.invalid:9092");
        assertEquals(1, dns.code());
        assertTrue(dns.err().startsWith("viplane: cannot reach Kafka at no-such-host.invalid:9092 (bootstrap.servers): "),
                dns.err());
        assertEquals(1, dns.err().lines().count(), dns.err());
    }
}
