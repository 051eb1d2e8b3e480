package io.viplane.app;

import java.util.List;

/** {@code viplane COMMAND [flags]}: see {@link #USAGE}. */
public final class Main {
    static final String USAGE = """
            usage: viplane COMMAND [--bootstrap-server HOST:PORT] [--config FILE] [flags]

            commands:
              topics    create every contract topic (idempotent)  [--partitions N] [--replication-factor N]
              run       run the pipeline                          [--application-id ID] [--state-dir DIR]
                                                                  [--policy NAME|FILE] [--format json|avro]
                                                                  [--clock wall-clock|stream-time]
              replay    publish contract events from JSON Lines   FILE.jsonl [--format json|avro]
              tail      print a topic's records                   TOPIC [--from-beginning] [--max-messages N]
                                                                  [--timeout-ms MS] [--format json|avro]
              report    summarise what the pipeline emitted       [--timeout-ms MS]
              generate  write the sample organisation and day     --out FILE [--bad-out FILE] [--seed N]
                                                                  [--day YYYY-MM-DD]
              describe  print the topology description            [--policy NAME|FILE]

            Configuration: --config FILE (.properties or .yaml), then VIPLANE_<KEY> environment variables
            (e.g. VIPLANE_BOOTSTRAP_SERVERS, VIPLANE_SECURITY_PROTOCOL), then flags. Keys not starting with
            viplane. are passed to the Kafka clients as they are (SASL, TLS, ...).
            """;

    private static final List<String> BOOLEAN_FLAGS = List.of("from-beginning", "help", "raw");

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String[] argv) {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("help")) {
            System.out.print(USAGE);
            return argv.length == 0 ? 2 : 0;
        }
        try {
            Args args = Args.parse(argv, 1, BOOLEAN_FLAGS);
            AppConfig config = AppConfig.load(args.get("config"), System.getenv());
            config.set("bootstrap.servers", args.get("bootstrap-server"));
            config.set("application.id", args.get("application-id"));
            config.set("state.dir", args.get("state-dir"));
            config.set(AppConfig.POLICY, args.get("policy"));
            config.set(AppConfig.FORMAT, args.get("format"));
            config.set(AppConfig.PARTITIONS, args.get("partitions"));
            config.set(AppConfig.CLOCK, args.get("clock"));
            config.set(AppConfig.REPLICATION, args.get("replication-factor"));
            return switch (argv[0]) {
                case "topics" -> TopicsCommand.run(config);
                case "run" -> RunCommand.run(config);
                case "replay" -> ReplayCommand.run(config, args);
                case "tail" -> TailCommand.run(config, args);
                case "report" -> ReportCommand.run(config, args);
                case "generate" -> GenerateCommand.run(args);
                case "describe" -> DescribeCommand.run(config);
                default -> throw new Args.UsageException("unknown command '" + argv[0] + "'");
            };
        } catch (Args.UsageException e) {
            System.err.println("viplane: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
    }
}
