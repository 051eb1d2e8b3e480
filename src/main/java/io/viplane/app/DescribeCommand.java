package io.viplane.app;

import io.viplane.policy.PolicyLoader;
import io.viplane.topology.TopologyDocs;

/** Prints the Markdown topology description that {@code topology/TOPOLOGY.md} holds. */
final class DescribeCommand {
    private DescribeCommand() {
    }

    static int run(AppConfig config) {
        System.out.print(TopologyDocs.markdown(PolicyLoader.load(config.get(AppConfig.POLICY)).policy()));
        return 0;
    }
}
