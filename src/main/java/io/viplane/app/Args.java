package io.viplane.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Flags spelled like Apache Kafka's own tools: {@code --bootstrap-server HOST:PORT}, {@code --from-beginning}. */
final class Args {
    final List<String> positional = new ArrayList<>();
    private final Map<String, String> flags = new HashMap<>();

    static Args parse(String[] argv, int from, List<String> booleanFlags) {
        Args a = new Args();
        for (int i = from; i < argv.length; i++) {
            String s = argv[i];
            if (s.startsWith("--")) {
                String name = s.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    a.flags.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (booleanFlags.contains(name)) {
                    a.flags.put(name, "true");
                } else if (i + 1 < argv.length) {
                    a.flags.put(name, argv[++i]);
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    String get(String name) {
        return flags.get(name);
    }

    String get(String name, String dflt) {
        return flags.getOrDefault(name, dflt);
    }

    boolean has(String name) {
        return flags.containsKey(name);
    }

    static final class UsageException extends RuntimeException {
        UsageException(String m) {
            super(m);
        }
    }
}
