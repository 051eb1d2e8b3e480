package io.viplane.app;

import io.viplane.notify.NotifyConfig;
import io.viplane.notify.NotifyService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code viplane notify --config notify.yaml}: the notifier (its logic is in io.viplane.notify). Its
 * {@code --config} is the notifier's own file (channels, routes, secrets as env:/file: references), not
 * the pipeline's settings file, so this command reads it itself rather than through AppConfig.
 */
@Command(name = "notify", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Deliver escalations, at-risk accounts and new VIP tickets to Slack, PagerDuty, Teams and "
                + "signed webhooks, once per notice and channel (README: Notifications).")
final class NotifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "the notifier's settings (example: topology/notify/notify.example.yaml)")
    String configFile;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (overrides the file and VIPLANE_BOOTSTRAP_SERVERS)")
    String bootstrapServer;

    @Override
    public Integer call() {
        Map<String, String> env = new HashMap<>(spec.root().userObject() instanceof Cli cli ? cli.env() : System.getenv());
        if (bootstrapServer != null) {
            env.put("VIPLANE_BOOTSTRAP_SERVERS", bootstrapServer);
        }
        NotifyConfig config;
        try {
            config = NotifyConfig.load(Path.of(configFile), env);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("viplane notify: " + e.getMessage());
            return 1;
        }
        Properties kafka = new Properties();
        kafka.putAll(config.kafka());
        kafka.put("bootstrap.servers", config.bootstrapServers());
        long timeoutMs;
        try {
            timeoutMs = Long.parseLong(env.getOrDefault("VIPLANE_CONNECT_TIMEOUT_MS", "15000").trim());
        } catch (NumberFormatException e) {
            spec.commandLine().getErr().println("viplane notify: VIPLANE_CONNECT_TIMEOUT_MS must be a number of milliseconds");
            return 2;
        }
        String problem = KafkaReachability.problem(kafka, timeoutMs); // same one-line failure as the other commands
        if (problem != null) {
            spec.commandLine().getErr().println("viplane: " + problem);
            return 1;
        }
        return NotifyService.run(config);
    }
}
