package io.viplane.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that reads configuration. Precedence (AppConfig): defaults &lt; {@code --config FILE} &lt;
 * {@code VIPLANE_*} environment &lt; flags, where the flags are those of every {@link ConfigFlags} mixin
 * of the command and of the command itself when it implements {@link ConfigFlags}.
 * A new command: extend this (or {@link KafkaCommand}), implement {@link #execute}, list it in {@link Cli}.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        usageHelpAutoWidth = true)
abstract class ConfiguredCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "settings file (.properties or .yaml); VIPLANE_<KEY> environment variables and flags override it")
    String configFile;

    /** The command itself; returns its exit code (0 ok, 1 failed). */
    protected abstract int execute(AppConfig config) throws Exception;

    /** Checked before {@link #execute}; false (after saying why on stderr) ends the command with exit code 1. */
    protected boolean ready(AppConfig config) {
        return true;
    }

    @Override
    public final Integer call() throws Exception {
        try {
            AppConfig config = config();
            flagGroups().forEach(f -> f.check(config));
            return ready(config) ? execute(config) : 1;
        } catch (UsageException | IllegalArgumentException e) {
            // A bad value from the file or the environment is a usage error like a bad flag.
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    AppConfig config() {
        AppConfig config = AppConfig.load(configFile, env());
        flagGroups().forEach(f -> f.applyTo(config));
        return config;
    }

    private List<ConfigFlags> flagGroups() {
        List<ConfigFlags> groups = new ArrayList<>();
        spec.mixins().values().forEach(m -> {
            if (m.userObject() instanceof ConfigFlags flags) {
                groups.add(flags);
            }
        });
        if (this instanceof ConfigFlags flags) {
            groups.add(flags);
        }
        return groups;
    }

    /** Where the command's output goes (System.out, or a test's writer). */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private Map<String, String> env() {
        return spec.root().userObject() instanceof Cli cli ? cli.env() : System.getenv();
    }
}
