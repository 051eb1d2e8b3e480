package io.viplane.app;

import picocli.CommandLine.Mixin;

/**
 * A command that talks to Kafka: it has {@code --bootstrap-server} and starts only once the cluster answered
 * (within {@code viplane.connect.timeout.ms}), so an unreachable broker is one clear line, not a minute of
 * client retries and warnings.
 */
abstract class KafkaCommand extends ConfiguredCommand {
    @Mixin
    Options.Kafka kafka;

    @Override
    protected boolean ready(AppConfig config) {
        String problem = KafkaReachability.problem(config.kafka(), config.connectTimeoutMs());
        if (problem != null) {
            err().println("viplane: " + problem);
            err().flush();
            return false;
        }
        return true;
    }
}
