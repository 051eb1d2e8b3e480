package io.viplane.app;

import io.viplane.app.sample.SampleOrganization;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Writes the sample organisation and its day of support traffic as JSON Lines for {@code replay}. */
final class GenerateCommand {
    private GenerateCommand() {
    }

    static int run(Args args) {
        String out = args.get("out");
        if (out == null) {
            throw new Args.UsageException("generate needs --out FILE");
        }
        long seed = Long.parseLong(args.get("seed", "7"));
        LocalDate day = LocalDate.parse(args.get("day", "2026-01-16"));
        SampleOrganization org = SampleOrganization.generate(seed, day);
        try {
            write(Path.of(out), org, false);
            if (args.get("bad-out") != null) {
                write(Path.of(args.get("bad-out")), org, true);
            }
        } catch (IOException e) {
            System.err.println("viplane generate: " + e.getMessage());
            return 1;
        }
        System.out.println("wrote " + out);
        System.out.print(org.summary().format());
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
