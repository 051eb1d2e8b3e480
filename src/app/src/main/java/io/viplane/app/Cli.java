package io.viplane.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code viplane COMMAND [flags]}. The commands are listed once, in {@code subcommands} below; a new command is
 * a {@link ConfiguredCommand} (or {@link KafkaCommand}) subclass added to that list.
 * Exit codes: 0 done, 1 failed (Kafka unreachable, invalid policy, ...), 2 usage error (unknown command or
 * flag, missing or bad value), with the message and that command's usage on stderr.
 */
@Command(name = "viplane", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        usageHelpAutoWidth = true,
        description = "VIP support-ticket pipeline on Kafka Streams. `viplane COMMAND --help` for a command's flags.",
        subcommands = {
                TopicsCommand.class,
                RunCommand.class,
                ReplayCommand.class,
                TailCommand.class,
                ReportCommand.class,
                DescribeCommand.class,
                PolicyCommand.class,
                NotifyCommand.class,
                HelpCommand.class},
        footer = {"", "Configuration: --config FILE (.properties or .yaml), then VIPLANE_<KEY> environment variables "
                + "(e.g. VIPLANE_BOOTSTRAP_SERVERS, VIPLANE_SECURITY_PROTOCOL), then flags. Keys not starting with "
                + "viplane. are passed to the Kafka clients as they are (SASL, TLS, ...)."})
final class Cli implements Callable<Integer> {
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    Cli(Map<String, String> env) {
        this.env = env;
    }

    Map<String, String> env() {
        return env;
    }

    /** {@code viplane} alone: which command? */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing COMMAND");
    }

    static int execute(String[] argv, Map<String, String> env, PrintWriter out, PrintWriter err) {
        return commandLine(env, out, err).execute(argv);
    }

    static CommandLine commandLine(Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli(env));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Cli::usageError);
        return cl;
    }

    /** Names the bad argument, suggests a close match, and prints the usage of the command it was given to. */
    private static int usageError(ParameterException reported, String[] argv) {
        CommandLine cmd = reported.getCommandLine();
        // picocli checks required arguments before unknown ones: `tail --from-begining` is a typo, not a missing TOPIC.
        ParameterException e = reported instanceof MissingParameterException && !cmd.getUnmatchedArguments().isEmpty()
                ? new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments()) : reported;
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + message(e));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println();
        cmd.usage(err);
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    private static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && e.getCommandLine().getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        return e.getMessage();
    }

    /** The version Maven wrote into the jar; a build from the source tree says so. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            try (InputStream in = Cli.class.getResourceAsStream("/META-INF/maven/io.viplane/viplane/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    return new String[] {"viplane " + p.getProperty("version", "?")};
                }
            } catch (IOException e) {
                // fall through
            }
            return new String[] {"viplane (built from source)"};
        }
    }
}
