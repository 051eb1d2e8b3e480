package io.viplane.app;

import io.viplane.policy.PolicyException;
import io.viplane.policy.PolicyLoader;
import io.viplane.topology.TopologyDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints the Markdown topology description that {@code topology/TOPOLOGY.md} holds. */
@Command(name = "describe", description = "Print the Markdown topology description (topology/TOPOLOGY.md).")
final class DescribeCommand extends ConfiguredCommand {
    @Mixin
    Options.Policy policy;

    @Override
    protected int execute(AppConfig config) {
        try {
            out().print(TopologyDocs.markdown(PolicyLoader.load(config.get(AppConfig.POLICY)).policy()));
            return 0;
        } catch (PolicyException e) {
            err().println("viplane describe: " + e.getMessage());
            return 1;
        }
    }
}
