package io.viplane.simulate;

import io.viplane.policy.PolicyException;
import io.viplane.policy.PolicyLoader;
import io.viplane.topology.RunnablePolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code scripts/viplane simulate}: a month of traffic through the real topology with simulated agents,
 * under the policy and under each comparison (FIFO, VIP-first, another policy). A tool, not in the product jar.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Run a month of support traffic through the real topology with simulated agents and compare "
                + "orderings: viplane's routing against FIFO and VIP-first, or against another policy. "
                + "Talks to no broker.")
public final class SimulateCommand implements Callable<Integer> {
    public static void main(String[] argv) {
        // The driver warns about its temp state folder and every topic read before it has output: noise here.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.exit(execute(argv, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int execute(String[] argv, PrintWriter out, PrintWriter err) {
        int code = new CommandLine(new SimulateCommand()).setOut(out).setErr(err).execute(argv);
        out.flush();
        err.flush();
        return code;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "NAME|FILE", description = "the policy viplane routes by (default white-glove)")
    String policy = PolicyLoader.DEFAULT_POLICY;

    @Option(names = "--days", paramLabel = "N", description = "simulated days (default 30)")
    int days = 30;

    @Option(names = "--roster", paramLabel = "FILE", description = "agents, shifts, work times (default: the shipped roster)")
    Path roster;

    @Option(names = "--volume", paramLabel = "FILE", description = "ticket volume and mix (default: seed 000's month)")
    Path volume;

    @Option(names = "--compare", paramLabel = "LIST", split = ",",
            description = "fifo, vip-first and/or policies (NAME or FILE) to run beside it (default fifo,vip-first)")
    List<String> compare = List.of("fifo", "vip-first");

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default 7)")
    long seed = 7;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "the first day, 00:00 UTC (default 2026-01-05)")
    LocalDate start = LocalDate.parse("2026-01-05");

    @Option(names = "--out", paramLabel = "DIR", description = "results.md and events.jsonl (default target/simulate)")
    Path out = Path.of("target/simulate");

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        if (days < 1 || days > 92) {
            e.println("viplane simulate: --days must be 1..92, not " + days);
            return 2;
        }
        try {
            RunnablePolicy main = RunnablePolicy.load(policy);
            List<Run> runs = new ArrayList<>();
            runs.add(new Run(main, Ordering.VIPLANE));
            for (String c : compare) {
                Ordering baseline = Ordering.of(c);
                runs.add(baseline != null && baseline != Ordering.VIPLANE ? new Run(main, baseline)
                        : new Run(RunnablePolicy.load(c), Ordering.VIPLANE));
            }
            Roster r = SimFiles.read(roster, "roster.yaml", Roster.class);
            Volume v = SimFiles.read(volume, "volume.yaml", Volume.class);
            Month month = Month.of(r, v, seed, start, days);
            Files.createDirectories(out);
            List<Figures> figures = new ArrayList<>();
            for (Run run : runs) {
                o.println("simulating " + days + " days, " + month.arrivals().size() + " tickets: " + run.label() + " ...");
                if (figures.isEmpty()) {
                    try (Writer w = Files.newBufferedWriter(out.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
                        figures.add(Simulation.run(run.policy, month, run.ordering, w));
                    }
                } else {
                    figures.add(Simulation.run(run.policy, month, run.ordering, null));
                }
            }
            String table = ComparisonTable.format(figures);
            Files.writeString(out.resolve("results.md"), table + "\n" + ComparisonTable.vipShares(figures),
                    StandardCharsets.UTF_8);
            List<Path> charts = SimCharts.write(figures, out);
            o.println();
            o.print(table);
            o.println();
            o.println("wrote " + out.resolve("results.md") + ", " + out.resolve("events.jsonl")
                    + " (the first run's inputs, for `viplane replay`) and the charts " + charts);
            return 0;
        } catch (PolicyException | IllegalArgumentException | IOException | UncheckedIOException ex) {
            e.println("viplane simulate: " + ex.getMessage());
            return 1;
        }
    }

    private record Run(RunnablePolicy policy, Ordering ordering) {
        String label() {
            return ordering == Ordering.VIPLANE ? "viplane, policy " + policy.policy().name() : ordering.label;
        }
    }
}
