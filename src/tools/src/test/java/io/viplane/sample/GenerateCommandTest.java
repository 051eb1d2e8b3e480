package io.viplane.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/viplane generate}: a tool outside the product jar, with the same strict flags as the CLI. */
class GenerateCommandTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome generate(String... argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GenerateCommand.execute(argv, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void usageErrorsExit2AndWriteNothing() {
        Outcome none = generate();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Missing required option: '--out=FILE'"), none.err());
        Path x = dir.resolve("x.jsonl");
        Outcome badDay = generate("--out", x.toString(), "--day", "2026-13-01");
        assertEquals(2, badDay.code());
        assertTrue(badDay.err().contains("'--day'") && badDay.err().contains("2026-13-01"), badDay.err());
        assertEquals(2, generate("--out", x.toString(), "--sed", "3").code(), "a typo is not ignored");
        assertFalse(Files.exists(x));
    }

    @Test
    void writesTheDayAndTheBrokenRecordsSeparately() throws Exception {
        Path day = dir.resolve("day/events.jsonl");
        Path bad = dir.resolve("bad.jsonl");
        Outcome o = generate("--out", day.toString(), "--bad-out", bad.toString(), "--seed", "3");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("wrote " + day), o.out());
        assertTrue(o.out().contains("accounts per tier"), "and what it wrote: " + o.out());
        List<String> good = Files.readAllLines(day);
        assertFalse(good.isEmpty());
        assertTrue(good.stream().allMatch(l -> l.startsWith("{")), "JSON Lines");
        assertFalse(Files.readAllLines(bad).isEmpty());
        // Same seed, same day: the file replays identically.
        Path again = dir.resolve("again.jsonl");
        assertEquals(0, generate("--out", again.toString(), "--seed", "3").code());
        assertEquals(good, Files.readAllLines(again));
    }
}
