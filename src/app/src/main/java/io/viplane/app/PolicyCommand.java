package io.viplane.app;

import io.viplane.docs.PolicyDocuments;
import io.viplane.docs.Rendering;
import io.viplane.model.Tier;
import io.viplane.policy.Entitlement;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyDiff;
import io.viplane.policy.PolicyDocument;
import io.viplane.policy.PolicyException;
import io.viplane.policy.PolicyLoader;
import io.viplane.topology.RunnablePolicy;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code viplane policy check|diff}: the policy's life cycle (seed 004) from the command line. */
@Command(name = "policy", description = "Check a policy, render it as a document, or list the rule changes between two.",
        mixinStandardHelpOptions = true, subcommands = {PolicyCommand.Check.class, PolicyCommand.Diff.class, PolicyCommand.Doc.class})
final class PolicyCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: check, doc or diff");
    }

    /** A policy whose review date has passed still runs; the people who own it are told. */
    static void warnIfReviewOverdue(PolicyLoader.LoadedPolicy p, LocalDate today) {
        PolicyDocument d = p.policy().document();
        if (d != null && d.reviewOverdue(today)) {
            LOG.warn("policy {} version {} was due for review on {} (last reviewed {}, every {})", p.policy().name(),
                    d.version(), d.reviewDue(), d.lastReviewed(), d.reviewEvery());
        }
    }

    /** Validates as {@code run} does (every section bound, every file it names read) and prints a summary. */
    @Command(name = "check", description = "Validate a policy (as run does) and print a summary of its rules.")
    static final class Check extends ConfiguredCommand {
        @Parameters(paramLabel = "POLICY", description = "a policy name (topology/policies/NAME.yaml) or a YAML file")
        String policy;

        @Override
        protected int execute(AppConfig config) {
            PolicyLoader.LoadedPolicy loaded;
            try {
                loaded = RunnablePolicy.load(policy).loaded();
            } catch (PolicyException e) {
                err().println("viplane policy check: " + e.getMessage());
                return 1;
            }
            summary(loaded, LocalDate.now(ZoneOffset.UTC)).forEach(out()::println);
            return 0;
        }
    }

    static List<String> summary(PolicyLoader.LoadedPolicy loaded, LocalDate today) {
        Policy p = loaded.policy();
        List<String> out = new java.util.ArrayList<>();
        out.add("policy " + p.name() + " (" + loaded.origin() + "): valid");
        PolicyDocument d = p.document();
        if (d == null) {
            out.add("  document: none (no version, effective date or approval recorded)");
        } else {
            out.add("  version " + d.version() + ", effective " + d.effectiveAt() + ", approved by " + d.approvedBy());
            if (d.reviewDue() != null) {
                out.add("  review every " + d.reviewEvery() + ": last " + d.lastReviewed() + ", next " + d.reviewDue()
                        + (d.reviewOverdue(today) ? " (OVERDUE)" : ""));
            }
            out.add("  revisions: " + d.revisions().size());
        }
        for (Tier t : List.of(Tier.T1, Tier.T2, Tier.T3, Tier.STANDARD)) {
            Entitlement e = p.entitlement(t);
            if (e != null) {
                out.add("  " + t + ": first response " + e.firstResponseMinutes() + " min, next reply " + e.nextReplyMinutes()
                        + " min, calendar " + e.calendar() + ", queue " + e.queue()
                        + (e.ladder() == null ? "" : ", escalates to " + e.ladder().target() + " within "
                        + e.ladder().respondWithinMinutes() + " min"));
            }
        }
        out.add("  tiers: " + p.tiers().size() + ", SLA overrides: " + p.slaOverrides().size() + ", calendars: "
                + String.join(", ", p.calendars().keySet().stream().sorted().toList()));
        return out;
    }

    /** The rule changes from OLD to NEW, one per line, in words. */
    @Command(name = "diff", description = "List the rule changes between two policies, in words.")
    static final class Diff extends ConfiguredCommand {
        @Parameters(index = "0", paramLabel = "OLD", description = "the policy in force (name or file)")
        String before;

        @Parameters(index = "1", paramLabel = "NEW", description = "the proposed policy (name or file)")
        String after;

        @Override
        protected int execute(AppConfig config) {
            List<String> changes;
            try {
                changes = PolicyDiff.changes(PolicyLoader.tree(before), PolicyLoader.tree(after));
            } catch (PolicyException e) {
                err().println("viplane policy diff: " + e.getMessage());
                return 1;
            }
            if (changes.isEmpty()) {
                out().println("no rule changes");
            }
            changes.forEach(out()::println);
            return 0;
        }
    }

    /**
     * The human policy document (seed 004's sections and the notification routes) from the file the pipeline
     * runs: Markdown on stdout, or Markdown, HTML and PDF in a folder.
     */
    @Command(name = "doc", description = "Render a policy as the human policy document: Markdown, or with --out "
            + "DIR/policy.md, policy.html and policy.pdf.")
    static final class Doc extends ConfiguredCommand {
        @Parameters(paramLabel = "POLICY", description = "a policy name (topology/policies/NAME.yaml) or a YAML file")
        String policy;

        @picocli.CommandLine.Option(names = "--out", paramLabel = "DIR",
                description = "write DIR/policy.md, DIR/policy.html and DIR/policy.pdf instead of printing Markdown")
        java.nio.file.Path outDir;

        @picocli.CommandLine.Option(names = "--routes", paramLabel = "FILE",
                description = "the notification routes for the appendix (default: topology/notify/NAME.yaml beside the policy, if any)")
        java.nio.file.Path routes;

        @Override
        protected int execute(AppConfig config) throws java.io.IOException {
            PolicyLoader.LoadedPolicy loaded;
            String md;
            try {
                loaded = PolicyLoader.load(policy);
                md = PolicyDocuments.markdown(loaded, routes != null ? routes : PolicyDocuments.routesBeside(loaded));
            } catch (PolicyException | io.viplane.notify.route.RoutesException e) {
                err().println("viplane policy doc: " + e.getMessage());
                return 1;
            }
            if (outDir == null) {
                out().print(md);
                return 0;
            }
            java.nio.file.Files.createDirectories(outDir);
            java.nio.file.Path file = outDir.resolve("policy.md");
            java.nio.file.Files.writeString(file, md);
            String html = Rendering.html(md, PolicyDocuments.title(loaded));
            java.nio.file.Files.writeString(outDir.resolve("policy.html"), html);
            Rendering.pdf(html, outDir.resolve("policy.pdf"));
            out().println("wrote " + file + ", " + outDir.resolve("policy.html") + " and " + outDir.resolve("policy.pdf"));
            return 0;
        }
    }
}
