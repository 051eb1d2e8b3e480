package io.viplane.app;

import picocli.CommandLine.Option;

/**
 * Flags shared by several commands, as picocli mixins: a command declares {@code @Mixin Options.Format format;}
 * and gets the flag, its help line and its configuration key. Add a shared flag here, not in each command.
 */
final class Options {
    private Options() {
    }

    /** Where the Kafka cluster is; every command that talks to Kafka has it (see {@link KafkaCommand}). */
    static final class Kafka implements ConfigFlags {
        @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
                description = "Kafka bootstrap servers (bootstrap.servers; default localhost:9092)")
        String bootstrapServer;

        @Override
        public void applyTo(AppConfig config) {
            config.set("bootstrap.servers", bootstrapServer);
        }
    }

    /** The wire format of the edge topics, and the schema registry of the avro-registry format. */
    static final class Format implements ConfigFlags {
        @Option(names = "--format", paramLabel = "json|avro|avro-registry",
                description = "wire format of the edge topics (" + AppConfig.FORMAT + "; default json): avro is "
                        + "single-object encoding with the bundled schemas, avro-registry the Confluent wire format")
        String format;

        @Option(names = "--schema-registry-url", paramLabel = "URL",
                description = "Confluent-compatible schema registry for avro-registry (" + AppConfig.SCHEMA_REGISTRY_URL
                        + "; the other registry settings use Confluent's keys in --config or VIPLANE_*)")
        String schemaRegistryUrl;

        @Override
        public void applyTo(AppConfig config) {
            config.set(AppConfig.FORMAT, format);
            config.set(AppConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }

        @Override
        public void check(AppConfig config) {
            config.registry(); // the format, and the registry settings when avro-registry
        }
    }

    /** The policy: a shipped name or a file. */
    static final class Policy implements ConfigFlags {
        @Option(names = "--policy", paramLabel = "NAME|FILE",
                description = "policy name (topology/policies/NAME.yaml or the jar's copy) or a policy file ("
                        + AppConfig.POLICY + "; default white-glove)")
        String policy;

        @Override
        public void applyTo(AppConfig config) {
            config.set(AppConfig.POLICY, policy);
        }
    }
}
