package io.viplane.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.viplane.codec.Codecs;
import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.Tier;
import io.viplane.notify.NotifyConfig;
import io.viplane.notify.NotifyService;
import io.viplane.topology.Names;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Notification latency: T1 escalations published at a steady rate, each in its own transaction (as the
 * pipeline commits them), to {@code viplane notify} running in this JVM against loopback stand-ins of
 * PagerDuty, a Slack incoming webhook and a signed webhook that answer at once. Latency per channel is the
 * time from the escalation's commit to the stand-in receiving its request.
 */
final class NotifyScenario {
    private static final Pattern ID = Pattern.compile("bn-(\\d+)");
    private static final Map<String, String> CHANNELS = Map.of("/pd/", "PagerDuty (support-vp-pager)",
            "/slack/", "Slack webhook (vip-pool)", "/hook/", "signed webhook (crm-webhook)");

    record Settings(int rate, int seconds) {
    }

    record Result(Settings settings, int published, Map<String, Percentiles.Summary> perChannel) {
    }

    private final String bootstrap;
    private final Path dir;
    private final Settings settings;
    private final Map<String, Map<Integer, Long>> received = new ConcurrentHashMap<>();

    NotifyScenario(String bootstrap, Path dir, Settings settings) {
        this.bootstrap = bootstrap;
        this.dir = dir;
        this.settings = settings;
        CHANNELS.keySet().forEach(p -> received.put(p, new ConcurrentHashMap<>()));
    }

    Result run() throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::answer);
        server.start();
        Thread notifier = new Thread(() -> NotifyService.run(config(server.getAddress().getPort())), "bench-notifier");
        notifier.setDaemon(true);
        notifier.start();
        Thread.sleep(5_000); // the notifier joins its group and reads its (empty) ledger
        int n = settings.rate() * settings.seconds();
        long[] committedAt = new long[n];
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("transactional.id", "bench-escalations");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            Pacer pacer = new Pacer(settings.rate());
            for (int i = 0; i < n; i++) {
                pacer.awaitTurn(i);
                Escalation e = escalation(i);
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(Names.ESCALATIONS, e.getTicketId(), Codecs.json(Escalation.class).encode(e)));
                producer.commitTransaction();
                committedAt[i] = System.nanoTime();
            }
        }
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && received.values().stream().anyMatch(m -> m.size() < n)) {
            Thread.sleep(200);
        }
        server.stop(0);
        Map<String, Percentiles.Summary> out = new TreeMap<>();
        received.forEach((path, arrivals) -> {
            List<Long> ms = new ArrayList<>();
            arrivals.forEach((i, at) -> ms.add((at - committedAt[i]) / 1_000_000));
            out.put(CHANNELS.get(path) + (arrivals.size() < n ? " (" + (n - arrivals.size()) + " not received)" : ""),
                    Percentiles.summarize(ms.stream().mapToLong(Long::longValue).toArray()));
        });
        return new Result(settings, n, out);
    }

    private static Escalation escalation(int i) {
        String ticket = "tkt-bn-" + i;
        return Escalation.newBuilder().setEscalationId("bn-" + i).setTicketId(ticket).setAccountId("acc-bench")
                .setTier(Tier.T1).setKind(EscalationKind.EXECUTIVE_ESCALATION).setTarget(EscalationTarget.SUPPORT_VP)
                .setRespondWithinMinutes(15).setSummary("T1 ticket " + ticket + ": executive escalation")
                .setEvidence(List.of("revenue_impact: help-desk tag 'revenue'")).setOccurredAt(Instant.now()).build();
    }

    private void answer(HttpExchange x) throws IOException {
        long at = System.nanoTime();
        String path = x.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
        }
        Matcher m = ID.matcher(new String(body, StandardCharsets.UTF_8));
        String channel = CHANNELS.keySet().stream().filter(path::startsWith).findFirst().orElse(null);
        if (m.find() && channel != null) {
            received.get(channel).putIfAbsent(Integer.parseInt(m.group(1)), at);
        }
        String reply = path.startsWith("/pd/") ? "{\"status\":\"success\",\"message\":\"Event processed\"}"
                : path.startsWith("/slack/") ? "ok" : "{\"received\":true}";
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(path.startsWith("/pd/") ? 202 : 200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private NotifyConfig config(int port) {
        String s = "http://127.0.0.1:" + port;
        String yaml = """
                bootstrap_servers: %s
                group_id: bench-notify
                transactional_id: bench-notify-1
                routes: %s
                ticket_url: https://helpdesk.example.com/agent/tickets/{ticket_id}
                retry: {max_attempts: 3, initial_backoff_ms: 100, max_backoff_ms: 500, max_retry_after_ms: 1000, request_timeout_ms: 5000}
                channels:
                  vip-pool: {type: slack_webhook, url: "%s/slack/vip-pool", min_interval_ms: 0}
                  support-managers: {type: slack_webhook, url: "%s/slack/managers", min_interval_ms: 0}
                  team-leads: {type: slack_webhook, url: "%s/slack/leads", min_interval_ms: 0}
                  support-vp-pager: {type: pagerduty, url: "%s/pd/enqueue", routing_key: bench-routing-key-0123456789, min_interval_ms: 0}
                  csm-teams: {type: teams, url: "%s/teams/csm"}
                  crm-webhook: {type: webhook, url: "%s/hook/crm", secret: bench-signing-secret}
                """.formatted(bootstrap, Path.of("topology/notify/white-glove.yaml").toAbsolutePath(), s, s, s, s, s, s);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("notify.yaml");
            Files.writeString(file, yaml);
            return NotifyConfig.load(file, Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + dir.resolve("notify.yaml"), e);
        }
    }
}
