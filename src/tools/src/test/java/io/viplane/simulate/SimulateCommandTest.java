package io.viplane.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/viplane simulate}: strict flags, clear failures, and the files a leader reads. */
class SimulateCommandTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome simulate(String... argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SimulateCommand.execute(argv, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void usageErrorsExit2AndABadPolicyExits1NamingIt() {
        assertEquals(2, simulate("--dyas", "3").code());
        assertEquals(2, simulate("--days", "0", "--out", dir.toString()).code());
        Outcome policy = simulate("--days", "1", "--compare", "no-such-policy", "--out", dir.toString());
        assertEquals(1, policy.code());
        assertTrue(policy.err().startsWith("viplane simulate: ") && policy.err().contains("no-such-policy"), policy.err());
    }

    @Test
    void aDayWritesTheTableTheChartsAndAReplayableEventFile() throws Exception {
        Path volume = dir.resolve("volume.yaml");
        Files.writeString(volume, """
                tickets_per_month: 300
                vip_share: 0.2
                vip_tier_weights: {T1: 1, T2: 1, T3: 1}
                priority_weights: {NORMAL: 1}
                weekend_factor: 0.3
                customer_reply_share: 0.3
                churn_text_share: 0
                outages: {per_month: 0, accounts: 0, within_minutes: 0}
                """);
        Path out = dir.resolve("out");
        Outcome o = simulate("--days", "1", "--volume", volume.toString(), "--compare", "fifo,escalation-matrix",
                "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        String table = Files.readString(out.resolve("results.md"));
        assertTrue(table.startsWith("| 1 days | viplane (white-glove) | fifo | viplane (escalation-matrix) |"), table);
        String comparison = table.substring(0, table.indexOf("\n\n") + 1);
        assertTrue(o.out().contains(comparison), "printed too");
        assertTrue(table.contains("| sim-t1-emea-01 |"), "a VIP share per agent: " + table);
        for (String chart : new String[] {"first-response-p90.png", "vip-attainment-by-day.png", "standard-wait.png"}) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(out.resolve(chart)), 4);
            assertArrayEquals(PNG, head, chart);
        }
        assertTrue(Files.readAllLines(out.resolve("events.jsonl")).stream()
                .allMatch(l -> l.startsWith("{\"topic\":\"") && l.contains("\"key\":") && l.contains("\"value\":{")),
                "replay lines");
    }
}
