package io.viplane.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code COMMAND --flag value ...}: every flag takes a value; unknown flags are an error. */
final class BenchArgs {
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private final String command;
    private final Map<String, String> flags;

    private BenchArgs(String command, Map<String, String> flags) {
        this.command = command;
        this.flags = flags;
    }

    static BenchArgs parse(String[] argv, Set<String> known) {
        if (argv.length == 0) {
            throw new UsageException("missing command");
        }
        Map<String, String> flags = new HashMap<>();
        for (int i = 1; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--") || !known.contains(a.substring(2))) {
                throw new UsageException("unknown argument '" + a + "'");
            }
            if (i + 1 >= argv.length) {
                throw new UsageException(a + " needs a value");
            }
            flags.put(a.substring(2), argv[++i]);
        }
        return new BenchArgs(argv[0], flags);
    }

    String command() {
        return command;
    }

    String get(String flag, String fallback) {
        return flags.getOrDefault(flag, fallback);
    }

    int intValue(String flag, int fallback, int min) {
        String v = flags.get(flag);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
            if (n < min) {
                throw new UsageException("--" + flag + " must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + flag + " must be a whole number, not '" + v + "'");
        }
    }
}
