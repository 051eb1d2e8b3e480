package io.viplane.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopologyDescriptionTest {
    @Test
    void topologyMdIsCurrent() throws Exception {
        String expected = TopologyDocs.markdown(PolicyLoader.load("white-glove").policy());
        Path file = Path.of("topology/TOPOLOGY.md");
        assertTrue(Files.exists(file), "run: scripts/viplane describe > topology/TOPOLOGY.md");
        assertEquals(expected, Files.readString(file),
                "topology/TOPOLOGY.md is stale; run: scripts/viplane describe > topology/TOPOLOGY.md");
    }

    @Test
    void everyProcessorStoreAndInternalTopicIsNamed() {
        String d = TopologyDocs.markdown(PolicyLoader.load("white-glove").policy());
        assertTrue(!d.contains("KSTREAM-") && !d.contains("KTABLE-"), "generated names leak: " + d);
        assertTrue(d.contains(Names.TICKETS_BY_ACCOUNT + "-repartition"));
    }
}
