package io.viplane.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.viplane.codec.EdgeSerdes;
import io.viplane.codec.Format;
import io.viplane.codec.registry.RegistrySettings;
import io.viplane.topology.EventTimeOptions;
import io.viplane.topology.TopologyOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Settings from, in increasing precedence: defaults, a {@code .properties} or YAML file
 * ({@code --config}), environment variables {@code VIPLANE_<KEY>} (dots as underscores:
 * {@code VIPLANE_SECURITY_PROTOCOL=SASL_SSL}), then command-line flags. Keys starting with
 * {@code viplane.} are ours; every other key is handed to the Kafka clients untouched, which is
 * how SASL and TLS settings pass through.
 */
final class AppConfig {
    static final String POLICY = "viplane.policy";
    static final String FORMAT = "viplane.format";
    static final String PARTITIONS = "viplane.partitions";
    static final String REPLICATION = "viplane.replication.factor";
    static final String CLOCK = "viplane.clock";
    /** Confluent's own key, so an existing client configuration works; the other registry keys likewise. */
    static final String SCHEMA_REGISTRY_URL = RegistrySettings.URL;
    /** How long a command waits for the cluster to answer before it gives up (KafkaReachability). */
    static final String CONNECT_TIMEOUT_MS = "viplane.connect.timeout.ms";
    /**
     * How far ahead of this machine's clock an input's time may be before it is a dead letter. Must stay below
     * the broker's {@code message.timestamp.after.max.ms} (1 h by default) less the hosts' clock difference.
     */
    static final String MAX_FUTURE_SKEW_MS = "viplane.max.future.skew.ms";
    /** How far out of event-time order a ticket event may arrive and still count before its clock fires. */
    static final String ALLOWED_LATENESS_MS = "viplane.allowed.lateness.ms";
    /** How many characters of a customer's text (subject, body) the text rules read; the rest is cut at admission. */
    static final String TEXT_CAP_CHARS = "viplane.text.cap.chars";
    /** Keys that are ours, as a VIPLANE_* variable spells them (after the prefix). */
    private static final Set<String> OURS = Set.of("policy", "format", "partitions", "clock", "replication.factor",
            "connect.timeout.ms", "max.future.skew.ms", "text.cap.chars", "allowed.lateness.ms");

    private final Properties props = new Properties();

    static AppConfig load(String file, Map<String, String> env) {
        AppConfig c = new AppConfig();
        c.props.setProperty("bootstrap.servers", "localhost:9092");
        c.props.setProperty("application.id", "viplane");
        c.props.setProperty("state.dir", ".viplane/state");
        c.props.setProperty(POLICY, "white-glove");
        c.props.setProperty(FORMAT, "json");
        c.props.setProperty(PARTITIONS, "3");
        c.props.setProperty(REPLICATION, "1");
        c.props.setProperty(CLOCK, "wall-clock");
        c.props.setProperty(CONNECT_TIMEOUT_MS, "15000");
        c.props.setProperty(MAX_FUTURE_SKEW_MS, Long.toString(TopologyOptions.defaults().maxFutureSkew().toMillis()));
        c.props.setProperty(ALLOWED_LATENESS_MS, Long.toString(EventTimeOptions.DEFAULT_LATENESS.toMillis()));
        c.props.setProperty(TEXT_CAP_CHARS, Integer.toString(TopologyOptions.defaults().textCap()));
        if (file != null) {
            c.readFile(Path.of(file));
        }
        env.forEach((k, v) -> {
            if (k.startsWith("VIPLANE_") && k.length() > 8) {
                String key = k.substring(8).toLowerCase(Locale.ROOT).replace('_', '.');
                c.props.setProperty(isOurs(key) ? "viplane." + key : key, v);
            }
        });
        return c;
    }

    private static boolean isOurs(String key) {
        return OURS.contains(key);
    }

    private void readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                flatten("", new ObjectMapper(new YAMLFactory()).readTree(in));
            } else {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UsageException("cannot read config " + file + ": " + e.getMessage());
        }
    }

    private void flatten(String prefix, JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue());
            }
        } else {
            props.setProperty(prefix, node.asText());
        }
    }

    void set(String key, String value) {
        if (value != null) {
            props.setProperty(key, value);
        }
    }

    String get(String key) {
        return props.getProperty(key);
    }

    long connectTimeoutMs() {
        return positive(CONNECT_TIMEOUT_MS, "milliseconds");
    }

    Duration maxFutureSkew() {
        return Duration.ofMillis(positive(MAX_FUTURE_SKEW_MS, "milliseconds"));
    }

    Duration allowedLateness() {
        String v = get(ALLOWED_LATENESS_MS);
        try {
            long ms = Long.parseLong(v.trim());
            if (ms >= 0) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(ALLOWED_LATENESS_MS + " must be a number of milliseconds, 0 or more (got '" + v + "')");
    }

    int textCap() {
        long chars = positive(TEXT_CAP_CHARS, "characters");
        if (chars > Integer.MAX_VALUE) {
            throw new UsageException(TEXT_CAP_CHARS + " must be at most " + Integer.MAX_VALUE + " characters");
        }
        return (int) chars;
    }

    private long positive(String key, String unit) {
        String v = get(key);
        try {
            long n = Long.parseLong(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(key + " must be a positive number of " + unit + ", not '" + v + "'");
    }

    /** Kafka client properties: everything that is not ours nor the schema registry's. */
    Properties kafka() {
        Properties p = new Properties();
        props.stringPropertyNames().stream().filter(k -> !k.startsWith("viplane.") && !isRegistryKey(k))
                .forEach(k -> p.setProperty(k, props.getProperty(k)));
        return p;
    }

    Format format() {
        return Format.parse(get(FORMAT));
    }

    /** The registry settings (Confluent's key names) for avro-registry; null for the other formats. */
    RegistrySettings registry() {
        return format() == Format.AVRO_REGISTRY ? RegistrySettings.from(props) : null;
    }

    /** @throws IllegalArgumentException when avro-registry lacks or mis-spells a registry setting */
    EdgeSerdes edgeSerdes() {
        return EdgeSerdes.of(format(), registry());
    }

    private static boolean isRegistryKey(String k) {
        return k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || k.equals(RegistrySettings.AUTO_REGISTER)
                || k.equals(RegistrySettings.USE_LATEST_VERSION) || k.equals(RegistrySettings.LATEST_COMPATIBILITY_STRICT)
                || k.equals(RegistrySettings.CACHE_CAPACITY) || k.equals(RegistrySettings.CONNECT_TIMEOUT)
                || k.equals(RegistrySettings.READ_TIMEOUT);
    }
}
