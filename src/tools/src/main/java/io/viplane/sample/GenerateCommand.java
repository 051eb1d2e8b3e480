package io.viplane.sample;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the sample organisation and its day of support traffic as JSON Lines for {@code replay}. A tool, not
 * part of the product jar: {@code scripts/viplane generate} runs it from the tools module's classpath.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Write the sample organisation and its day of support traffic as JSON Lines for `replay`. "
                + "Reads no configuration and talks to no broker.")
public final class GenerateCommand implements Callable<Integer> {
    public static void main(String[] argv) {
        System.exit(execute(argv, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Exit code 0 written, 1 could not write, 2 a usage error (a missing --out, a day that is not a date). */
    static int execute(String[] argv, PrintWriter out, PrintWriter err) {
        int code = new CommandLine(new GenerateCommand()).setOut(out).setErr(err).execute(argv);
        out.flush(); // the summary is print()ed, which an auto-flushing PrintWriter does not flush
        err.flush();
        return code;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the day's events")
    Path out;

    @Option(names = "--bad-out", paramLabel = "FILE", description = "also a few broken records (for the dead-letter queue)")
    Path badOut;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default 7)")
    long seed = 7;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "the day (default 2026-01-16)")
    LocalDate day = LocalDate.parse("2026-01-16");

    @Override
    public Integer call() {
        SampleOrganization org = SampleOrganization.generate(seed, day);
        try {
            write(out, org, false);
            if (badOut != null) {
                write(badOut, org, true);
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("viplane generate: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().print(org.summary().format());
        return 0;
    }

    private static void write(Path file, SampleOrganization org, boolean bad) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (bad) {
                org.writeBadRecords(w);
            } else {
                org.writeJsonLines(w);
            }
        }
    }
}
