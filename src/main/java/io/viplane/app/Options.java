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

    /** The wire format of the edge topics. */
    static final class Format implements ConfigFlags {
        @Option(names = "--format", paramLabel = "json|avro",
                description = "wire format of the edge topics (" + AppConfig.FORMAT + "; default json)")
        String format;

        @Override
        public void applyTo(AppConfig config) {
            config.set(AppConfig.FORMAT, format);
        }

        @Override
        public void check(AppConfig config) {
            io.viplane.codec.Format.parse(config.get(AppConfig.FORMAT));
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
