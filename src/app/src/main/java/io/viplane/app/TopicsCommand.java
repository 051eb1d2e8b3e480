package io.viplane.app;

import io.viplane.codec.Format;
import io.viplane.codec.RegistryAvroCodec;
import io.viplane.codec.registry.RegistryClient;
import io.viplane.codec.registry.RegistryException;
import io.viplane.codec.registry.RegistryUnavailableException;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

import io.viplane.topology.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Creates every contract topic; running it again changes nothing. */
@Command(name = "topics", description = "Create every contract topic (idempotent; CRM and agent topics compacted); "
        + "with --format avro-registry also register the contract schemas under <topic>-value.")
final class TopicsCommand extends KafkaCommand implements ConfigFlags {
    @Option(names = "--partitions", paramLabel = "N",
            description = "partitions of each new topic (" + AppConfig.PARTITIONS + "; default 3)")
    Integer partitions;

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "replication factor of each new topic (" + AppConfig.REPLICATION + "; default 1)")
    Short replicationFactor;

    /** With avro-registry, the contract schemas are registered too. */
    @Mixin
    Options.Format formatOption;

    @Override
    public void applyTo(AppConfig config) {
        config.set(AppConfig.PARTITIONS, partitions == null ? null : partitions.toString());
        config.set(AppConfig.REPLICATION, replicationFactor == null ? null : replicationFactor.toString());
    }

    @Override
    protected int execute(AppConfig config) {
        int partitions = Integer.parseInt(config.get(AppConfig.PARTITIONS));
        short replication = Short.parseShort(config.get(AppConfig.REPLICATION));
        try (Admin admin = Admin.create(config.kafka())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Names.allTopics()) {
                if (existing.contains(topic)) {
                    out().println("exists   " + topic);
                    continue;
                }
                NewTopic t = new NewTopic(topic, partitions, replication);
                if (Names.compacted(topic)) {
                    t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                } else if (Names.OUTPUT_TOPICS.contains(topic)) {
                    // Outputs inherit event time; replayed history would be deleted by time-based
                    // retention at once. The event time is in the payload; the log keeps append time.
                    t.configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
                }
                missing.add(t);
            }
            for (var e : admin.createTopics(missing).values().entrySet()) {
                try {
                    e.getValue().get();
                    out().println("created  " + e.getKey() + " (" + partitions + " partitions)");
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw ex;
                    }
                    out().println("exists   " + e.getKey());
                }
            }
            return config.format() == Format.AVRO_REGISTRY ? registerSchemas(config.edgeSerdes().registry()) : 0;
        } catch (ExecutionException e) {
            err().println("viplane topics: " + e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Registers every contract schema under {@code <topic>-value} (idempotent: a registered schema
     * keeps its id). The registry applies its compatibility rule; a refusal is reported per subject.
     */
    private int registerSchemas(RegistryClient registry) {
        int failed = 0;
        for (String topic : new TreeSet<>(TopicTypes.BY_TOPIC.keySet())) {
            Schema schema = SpecificData.get().getSchema(TopicTypes.BY_TOPIC.get(topic).valueClass());
            String subject = RegistryAvroCodec.subject(topic);
            try {
                out().println("schema   " + subject + " id " + registry.register(subject, schema));
            } catch (RegistryException e) {
                failed++;
                err().println("viplane topics: " + (e.incompatible()
                        ? "the registry refused " + schema.getName() + " under " + subject
                                + " as incompatible with its earlier versions: " + e.getMessage()
                        : e.getMessage()));
            } catch (RegistryUnavailableException e) {
                err().println("viplane topics: " + e.getMessage());
                return 1;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
