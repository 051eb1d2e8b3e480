package io.viplane.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.viplane.codec.Format;
import io.viplane.notify.channel.ChannelSpec;
import io.viplane.notify.channel.ChannelType;
import io.viplane.notify.channel.Links;
import io.viplane.notify.channel.RetryPolicy;
import io.viplane.notify.channel.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code notify.yaml}: Kafka connection, the routes file, the policy whose calendar sets quiet
 * hours, link templates, retry settings and the channels with their secrets (as {@code env:NAME}
 * or {@code file:/path}; see README "Notifications"). Invalid settings fail with
 * {@code invalid notify config FILE at PATH: reason}, never quoting a secret.
 */
public record NotifyConfig(
        String bootstrapServers,
        String groupId,
        String transactionalId,
        Format format,
        String policy,
        Path routes,
        Links links,
        RetryPolicy retry,
        Map<String, ChannelSpec> channels,
        Properties kafka,
        String startFrom,
        int maxBatch,
        int ledgerPartitions,
        short replicationFactor,
        Topics topics) {

    /** Topic names: the contract's by default; overridable (e.g. per test or per environment prefix). */
    public record Topics(String escalations, String atRisk, String slaEvents, String routed, String ledger, String dlq) {
        public static final Topics DEFAULT = new Topics(io.viplane.topology.Names.ESCALATIONS,
                io.viplane.topology.Names.AT_RISK, io.viplane.topology.Names.SLA_EVENTS, io.viplane.topology.Names.ROUTED,
                NotifyNames.LEDGER, NotifyNames.DLQ);

        public java.util.List<String> inputs() {
            return java.util.List.of(escalations, atRisk, slaEvents, routed);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("bootstrap_servers", "group_id", "transactional_id", "format", "policy",
            "routes", "ticket_url", "account_url", "retry", "channels", "kafka", "start_from", "max_batch",
            "ledger_partitions", "replication_factor", "topics");
    private static final Set<String> TOPICS = Set.of("escalations", "at_risk", "sla_events", "routed", "ledger", "dlq");
    private static final Set<String> CHANNEL = Set.of("type", "url", "token", "routing_key", "secret", "channel",
            "min_interval_ms", "resend_uncertain");
    private static final Set<String> RETRY = Set.of("max_attempts", "initial_backoff_ms", "max_backoff_ms",
            "max_retry_after_ms", "request_timeout_ms");

    public static NotifyConfig load(Path file, Map<String, String> env) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = YAML.readTree(in);
            Path base = file.toAbsolutePath().getParent();
            return parse(root, file.toString(), env, base);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid notify config " + file + ": cannot read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** @param baseDir folder relative routes paths are first looked up in (then the working directory) */
    public static NotifyConfig parse(JsonNode root, String file, Map<String, String> env, Path baseDir) {
        if (root == null || !root.isObject()) {
            throw err(file, "", "expected a mapping");
        }
        keys(root, file, "", TOP);
        String bootstrap = env.getOrDefault("VIPLANE_BOOTSTRAP_SERVERS", root.path("bootstrap_servers").asText("localhost:9092"));
        String group = root.path("group_id").asText("viplane-notify");
        String txId = root.path("transactional_id").asText(group + "-1");
        Format format;
        try {
            format = Format.parse(root.path("format").asText("json"));
        } catch (IllegalArgumentException e) {
            throw err(file, "format", e.getMessage());
        }
        String routesText = root.path("routes").asText("topology/notify/white-glove.yaml");
        Path routes = Path.of(routesText);
        if (!routes.isAbsolute() && baseDir != null && Files.exists(baseDir.resolve(routes))) {
            routes = baseDir.resolve(routes);
        }
        Links links = new Links(root.path("ticket_url").asText(null), root.path("account_url").asText(null));
        RetryPolicy retry = RetryPolicy.DEFAULT;
        JsonNode r = root.get("retry");
        if (r != null) {
            keys(r, file, "retry", RETRY);
            RetryPolicy d = RetryPolicy.DEFAULT;
            retry = new RetryPolicy(r.path("max_attempts").asInt(d.maxAttempts()),
                    ms(r, "initial_backoff_ms", d.initialBackoff()), ms(r, "max_backoff_ms", d.maxBackoff()),
                    ms(r, "max_retry_after_ms", d.maxRetryAfter()), ms(r, "request_timeout_ms", d.requestTimeout()));
            if (retry.maxAttempts() < 1) {
                throw err(file, "retry.max_attempts", "must be at least 1");
            }
        }
        Map<String, ChannelSpec> channels = new LinkedHashMap<>();
        JsonNode chs = root.get("channels");
        if (chs == null || !chs.isObject() || chs.isEmpty()) {
            throw err(file, "channels", "expected a mapping of channel name to settings");
        }
        Iterator<Map.Entry<String, JsonNode>> it = chs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            channels.put(e.getKey(), channel(e.getKey(), e.getValue(), file, env));
        }
        Properties kafka = new Properties();
        JsonNode k = root.get("kafka");
        if (k != null) {
            k.fields().forEachRemaining(f -> kafka.setProperty(f.getKey(), f.getValue().asText()));
        }
        String startFrom = root.path("start_from").asText("earliest");
        if (!startFrom.equals("earliest") && !startFrom.equals("latest")) {
            throw err(file, "start_from", "expected earliest or latest");
        }
        Topics t = Topics.DEFAULT;
        JsonNode tn = root.get("topics");
        if (tn != null) {
            keys(tn, file, "topics", TOPICS);
            t = new Topics(tn.path("escalations").asText(t.escalations()), tn.path("at_risk").asText(t.atRisk()),
                    tn.path("sla_events").asText(t.slaEvents()), tn.path("routed").asText(t.routed()),
                    tn.path("ledger").asText(t.ledger()), tn.path("dlq").asText(t.dlq()));
        }
        return new NotifyConfig(bootstrap, group, txId, format, root.path("policy").asText("white-glove"), routes, links,
                retry, channels, kafka, startFrom, root.path("max_batch").asInt(50),
                root.path("ledger_partitions").asInt(1), (short) root.path("replication_factor").asInt(1), t);
    }

    private static ChannelSpec channel(String name, JsonNode c, String file, Map<String, String> env) {
        String p = "channels." + name;
        keys(c, file, p, CHANNEL);
        ChannelType type;
        try {
            type = ChannelType.parse(c.path("type").asText(""));
        } catch (IllegalArgumentException e) {
            throw err(file, p + ".type", "expected slack_webhook, slack_api, pagerduty, teams or webhook");
        }
        URI url = switch (type) {
            case PAGERDUTY -> c.has("url") ? uri(secret(c, "url", file, p, env).reveal(), file, p) : ChannelSpec.PAGERDUTY_EVENTS;
            case SLACK_API -> c.has("url") ? uri(secret(c, "url", file, p, env).reveal(), file, p) : ChannelSpec.SLACK_POST_MESSAGE;
            default -> uri(secret(c, "url", file, p, env).reveal(), file, p);
        };
        Secret secret = switch (type) {
            case SLACK_API -> secret(c, "token", file, p, env);
            case PAGERDUTY -> secret(c, "routing_key", file, p, env);
            case WEBHOOK -> c.has("secret") ? secret(c, "secret", file, p, env) : null;
            default -> null;
        };
        String slackChannel = c.path("channel").asText(null);
        if (type == ChannelType.SLACK_API && slackChannel == null) {
            throw err(file, p + ".channel", "required for slack_api (the channel id)");
        }
        long defaultInterval = switch (type) {
            case SLACK_API, SLACK_WEBHOOK -> 1000; // Slack: about one message per second per channel
            case PAGERDUTY -> 500;                  // PagerDuty: about 120 events per minute per routing key
            default -> 0;
        };
        return new ChannelSpec(name, type, url, secret, slackChannel,
                Duration.ofMillis(c.path("min_interval_ms").asLong(defaultInterval)),
                c.path("resend_uncertain").asBoolean(type.idempotent()));
    }

    private static Secret secret(JsonNode c, String key, String file, String path, Map<String, String> env) {
        try {
            return Secret.resolve(c.path(key).asText(null), env);
        } catch (IllegalArgumentException e) {
            throw err(file, path + "." + key, e.getMessage());
        }
    }

    private static URI uri(String s, String file, String path) {
        URI u;
        try {
            u = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw err(file, path + ".url", "not a valid URL"); // the URL itself is not quoted: it may be a secret
        }
        if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
            throw err(file, path + ".url", "expected an http(s) URL");
        }
        return u;
    }

    private static Duration ms(JsonNode n, String key, Duration d) {
        return n.has(key) ? Duration.ofMillis(n.get(key).asLong()) : d;
    }

    private static void keys(JsonNode node, String file, String path, Set<String> allowed) {
        if (!node.isObject()) {
            throw err(file, path, "expected a mapping");
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw err(file, path.isEmpty() ? k : path + "." + k,
                        "unknown key (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        });
    }

    private static IllegalArgumentException err(String file, String path, String reason) {
        return new IllegalArgumentException("invalid notify config " + file + (path.isEmpty() ? "" : " at " + path) + ": " + reason);
    }
}
