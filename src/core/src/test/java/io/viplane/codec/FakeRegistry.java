package io.viplane.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * The part of the Confluent REST API the serde uses, in memory, for unit tests that must see each
 * request (caching, auth headers, failures). Compatibility is not checked here: the integration
 * tests use a real registry for that.
 */
final class FakeRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Request(String method, String path, String authorization) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    private final Map<Integer, String> schemas = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();
    private int nextId = 1;
    private final HttpServer server;

    FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** Registers directly (as another producer would) and returns the id. */
    synchronized int register(String subject, Schema schema) {
        String text = schema.toString();
        for (var e : schemas.entrySet()) {
            if (e.getValue().equals(text)) {
                subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(e.getKey());
                return e.getKey();
            }
        }
        int id = nextId++;
        schemas.put(id, text);
        subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    long count(String method, String pathPart) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart)).count();
    }

    private void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = URLDecoder.decode(x.getRequestURI().getRawPath(), StandardCharsets.UTF_8).replaceFirst("^/api", "");
        requests.add(new Request(method, path, x.getRequestHeaders().getFirst("Authorization")));
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(x, 503, "{\"error_code\":50301,\"message\":\"busy\"}");
            return;
        }
        String[] parts = path.split("/");
        synchronized (this) {
            if (method.equals("POST") && parts.length == 4 && parts[1].equals("subjects") && parts[3].equals("versions")) {
                int id = register(parts[2], parse(x));
                reply(x, 200, "{\"id\":" + id + "}");
            } else if (method.equals("POST") && parts.length == 3 && parts[1].equals("subjects")) {
                String text = parse(x).toString();
                for (int id : subjects.getOrDefault(parts[2], List.of())) {
                    if (schemas.get(id).equals(text)) {
                        reply(x, 200, JSON.createObjectNode().put("subject", parts[2]).put("id", id).put("version", 1)
                                .put("schema", text).toString());
                        return;
                    }
                }
                reply(x, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
            } else if (method.equals("GET") && path.endsWith("/versions/latest") && parts.length == 5) {
                List<Integer> ids = subjects.get(parts[2]);
                if (ids == null) {
                    reply(x, 404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
                    return;
                }
                int id = ids.get(ids.size() - 1);
                reply(x, 200, JSON.createObjectNode().put("subject", parts[2]).put("id", id).put("version", ids.size())
                        .put("schema", schemas.get(id)).toString());
            } else if (method.equals("GET") && parts.length == 4 && parts[1].equals("schemas") && parts[2].equals("ids")) {
                String s = schemas.get(Integer.parseInt(parts[3]));
                if (s == null) {
                    reply(x, 404, "{\"error_code\":40403,\"message\":\"Schema " + parts[3] + " not found\"}");
                } else {
                    reply(x, 200, JSON.createObjectNode().put("schema", s).toString());
                }
            } else {
                reply(x, 404, "{\"error_code\":404,\"message\":\"no route\"}");
            }
        }
    }

    private static Schema parse(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(x.getRequestBody());
        return new Schema.Parser().parse(body.get("schema").asText());
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
