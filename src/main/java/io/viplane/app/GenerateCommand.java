package io.viplane.app;

import io.viplane.app.sample.SampleOrganization;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the sample organisation and its day of support traffic as JSON Lines for {@code replay}. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Write the sample organisation and its day of support traffic as JSON Lines for `replay`. "
                + "Reads no configuration and talks to no broker.")
final class GenerateCommand implements Callable<Integer> {
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
