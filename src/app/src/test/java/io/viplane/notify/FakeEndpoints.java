package io.viplane.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.viplane.notify.channel.WebhookSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In-JVM stand-ins for Slack (incoming webhook and chat.postMessage), PagerDuty Events v2, a Teams
 * Workflows webhook and a signed generic webhook, on one loopback HttpServer. Each validates what it
 * gets against {@link PayloadRules} (and the webhook its HMAC signature) and answers as the real API
 * would: 400 on an invalid payload; scripted 429 / 500 / 400 on cue ({@link #script}).
 * PagerDuty de-duplicates triggers by open dedup key as PagerDuty does.
 */
public final class FakeEndpoints implements AutoCloseable {
    /** One request as received: path, JSON body, headers. */
    public record Hit(String path, JsonNode body, Map<String, String> headers, Instant at) {
    }

    private final HttpServer server;
    private final List<Hit> accepted = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final Map<String, Deque<int[]>> scripts = new HashMap<>();
    private final Set<String> openAlerts = new HashSet<>();
    private final String webhookSecret;
    private int pdAlertsOpened;
    private volatile long delayMs;
    private final Map<String, java.util.concurrent.CountDownLatch> gates = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);

    public FakeEndpoints(String webhookSecret) throws IOException {
        this.webhookSecret = webhookSecret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool); // channels are sent in parallel
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} are answered with these statuses (and Retry-After seconds, or -1). */
    public synchronized void script(String path, int status, int retryAfterSeconds) {
        scripts.computeIfAbsent(path, k -> new ArrayDeque<>()).add(new int[] {status, retryAfterSeconds});
    }

    /** Every answer waits this long first, as a slow provider would (requests in flight when a notifier is killed). */
    public void delay(Duration d) {
        delayMs = d.toMillis();
    }

    /** Requests to {@code path} wait until the returned action runs: a provider that hangs, then recovers. */
    public Runnable hold(String path) {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        gates.put(path, gate);
        return gate::countDown;
    }

    /** Requests to {@code path} that arrived and wait at its gate. */
    public int waiting(String path) {
        return waiting.getOrDefault(path, new java.util.concurrent.atomic.AtomicInteger()).get();
    }

    private final Map<String, java.util.concurrent.atomic.AtomicInteger> waiting = new java.util.concurrent.ConcurrentHashMap<>();

    public synchronized int acceptedCount() {
        return accepted.size();
    }

    public synchronized List<Hit> accepted(String path) {
        return accepted.stream().filter(h -> h.path().equals(path)).toList();
    }

    public synchronized List<String> rejected() {
        return List.copyOf(rejected);
    }

    public synchronized int pagerDutyAlertsOpened() {
        return pdAlertsOpened;
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        byte[] raw = x.getRequestBody().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        java.util.concurrent.CountDownLatch gate = gates.get(path);
        if (gate != null) {
            java.util.concurrent.atomic.AtomicInteger n = waiting.computeIfAbsent(path, k -> new java.util.concurrent.atomic.AtomicInteger());
            n.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            n.decrementAndGet();
        }
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int[] cue;
        synchronized (this) {
            Deque<int[]> q = scripts.get(path);
            cue = q == null ? null : q.poll();
        }
        if (cue != null) {
            if (cue[1] >= 0) {
                x.getResponseHeaders().add("Retry-After", Integer.toString(cue[1]));
            }
            answer(x, cue[0], path.startsWith("/slack") ? "rate_limited" : "{\"status\":\"scripted\"}");
            return;
        }
        JsonNode body;
        try {
            body = NotifyJson.MAPPER.readTree(raw);
        } catch (IOException e) {
            reject(x, path, "not JSON");
            return;
        }
        List<String> problems;
        String ok;
        int status = 200;
        if (path.startsWith("/slack/")) {
            problems = PayloadRules.slack(body);
            ok = "ok";
        } else if (path.endsWith("/chat.postMessage")) {
            problems = new ArrayList<>(PayloadRules.slack(body));
            if (!headers.getOrDefault("authorization", "").equals("Bearer xoxb-test")) {
                answer(x, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
                synchronized (this) {
                    rejected.add(path + ": invalid_auth");
                }
                return;
            }
            if (!body.hasNonNull("channel")) {
                problems.add("channel missing");
            }
            ok = "{\"ok\":true,\"channel\":\"" + body.path("channel").asText() + "\",\"ts\":\"" + System.nanoTime() + ".0001\"}";
            if (!problems.isEmpty()) {
                synchronized (this) {
                    rejected.add(path + ": " + problems);
                }
                answer(x, 200, "{\"ok\":false,\"error\":\"invalid_blocks\"}");
                return;
            }
        } else if (path.startsWith("/pd/")) {
            problems = PayloadRules.pagerDuty(body);
            status = 202;
            String key = body.path("dedup_key").asText();
            ok = "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + key + "\"}";
            if (problems.isEmpty()) {
                synchronized (this) {
                    if (body.path("event_action").asText().equals("trigger") && openAlerts.add(key)) {
                        pdAlertsOpened++;
                    } else if (body.path("event_action").asText().equals("resolve")) {
                        openAlerts.remove(key);
                    }
                }
            }
        } else if (path.startsWith("/teams/")) {
            problems = PayloadRules.teams(body);
            status = 202;
            ok = "";
        } else if (path.startsWith("/hook/")) {
            problems = new ArrayList<>();
            if (!WebhookSigner.verify(raw, headers.get("x-viplane-signature"), webhookSecret, Duration.ofMinutes(5), Instant.now())) {
                reject(x, path, "bad signature", 401);
                return;
            }
            ok = "{\"received\":true}";
        } else {
            reject(x, path, "no such endpoint", 404);
            return;
        }
        if (!problems.isEmpty()) {
            reject(x, path, problems.toString());
            return;
        }
        synchronized (this) {
            accepted.add(new Hit(path, body, headers, Instant.now()));
        }
        answer(x, status, ok);
    }

    private void reject(HttpExchange x, String path, String why) throws IOException {
        reject(x, path, why, 400);
    }

    private void reject(HttpExchange x, String path, String why, int status) throws IOException {
        synchronized (this) {
            rejected.add(path + ": " + why);
        }
        answer(x, status, "invalid_payload");
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(b);
            }
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
