package io.viplane.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.testing.EmbeddedKafka;
import io.viplane.testing.Json;
import io.viplane.topology.Names;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' arguments reach the commands: topics, replay and tail through the CLI on a real broker. */
class CliIntegrationTest {
    @TempDir
    Path dir;

    private static String[] run(Map<String, String> env, String... argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(argv, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void replayThenTailWithTheBrokerFromTheEnvironment() throws IOException {
        // The broker comes from VIPLANE_BOOTSTRAP_SERVERS: the environment layer reaches the clients.
        Map<String, String> env = Map.of("VIPLANE_BOOTSTRAP_SERVERS", EmbeddedKafka.bootstrapServers());
        String[] topics = run(env, "topics", "--partitions", "2");
        assertEquals("0", topics[0], topics[2]);
        assertTrue(topics[1].contains(Names.ACCOUNTS), topics[1]);

        String id = "cli-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("accounts.jsonl"),
                Json.write(Json.account(id, 123_000)) + "\n\n" + "{\"topic\":\"" + Names.ACCOUNTS + "\",\"key\":\"" + id
                        + "\",\"raw\":\"not json\"}\n");
        String[] replay = run(env, "replay", file.toString());
        assertEquals("0", replay[0], replay[2]);
        assertEquals("replayed 2 records from " + file + "\n", replay[1]);

        String[] tail = run(env, "tail", Names.ACCOUNTS, "--from-beginning", "--timeout-ms", "10000");
        assertEquals("0", tail[0], tail[2]);
        long mine = tail[1].lines().filter(l -> l.startsWith(id + "\t")).count();
        assertEquals(2, mine, tail[1]);
        assertTrue(tail[1].contains(id + "\tnot json"), tail[1]);

        String[] limited = run(env, "tail", Names.ACCOUNTS, "--from-beginning", "--max-messages", "1",
                "--timeout-ms", "10000");
        assertEquals(1, limited[1].lines().count(), limited[1]);
    }
}
