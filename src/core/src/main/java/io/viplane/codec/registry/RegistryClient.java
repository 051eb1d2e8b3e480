package io.viplane.codec.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A small client for the Confluent Schema Registry REST API (v1 media type), which Confluent's
 * registry, Apicurio's {@code /apis/ccompat/v7}, Karapace and Redpanda all serve. Only what the serde
 * needs: register, look up, latest version, schema by id, compatibility check. Answers are cached
 * (ids never change meaning in a registry), so steady traffic makes no HTTP calls at all.
 */
public final class RegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEDIA = "application/vnd.schemaregistry.v1+json";
    private static final int ATTEMPTS = 3;

    /** A schema as the registry knows it under a subject. */
    public record Registered(String subject, int version, int id, Schema schema) {
    }

    private final RegistrySettings settings;
    private final HttpClient http;
    private final String authorization;
    private final Lru<Integer, Schema> byId;
    private final Lru<String, Integer> idBySubjectAndSchema;
    private final Lru<String, Registered> latestBySubject;
    private final AtomicLong requests = new AtomicLong();

    public RegistryClient(RegistrySettings settings) {
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (settings.tls() != null) {
            b.sslContext(TlsContext.build(settings.tls()));
        }
        this.http = b.build();
        this.authorization = settings.userInfo() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(settings.userInfo().getBytes(StandardCharsets.UTF_8));
        this.byId = new Lru<>(settings.cacheCapacity());
        this.idBySubjectAndSchema = new Lru<>(settings.cacheCapacity());
        this.latestBySubject = new Lru<>(settings.cacheCapacity());
    }

    public RegistrySettings settings() {
        return settings;
    }

    /** HTTP requests sent so far (the caches' effect is visible in tests and logs). */
    public long requests() {
        return requests.get();
    }

    /** {@code POST /subjects/{subject}/versions}: registers (or finds) the schema; the registry applies its compatibility rule. */
    public int register(String subject, Schema schema) {
        String key = subject + '\u0000' + schema;
        Integer cached = idBySubjectAndSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + enc(subject) + "/versions", schemaBody(schema));
        int id = answer.path("id").asInt(-1);
        if (id < 0) {
            throw new RegistryException(200, -1, "schema registry answered a registration without an id");
        }
        idBySubjectAndSchema.put(key, id);
        byId.put(id, schema);
        return id;
    }

    /** {@code POST /subjects/{subject}}: the id of an already registered schema; 404 when it is not registered. */
    public int lookup(String subject, Schema schema) {
        String key = subject + '\u0000' + schema;
        Integer cached = idBySubjectAndSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + enc(subject), schemaBody(schema));
        int id = answer.path("id").asInt(-1);
        idBySubjectAndSchema.put(key, id);
        byId.put(id, schema);
        return id;
    }

    /** {@code GET /subjects/{subject}/versions/latest}, cached for the life of the client (Confluent's default). */
    public Registered latest(String subject) {
        Registered cached = latestBySubject.get(subject);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/subjects/" + enc(subject) + "/versions/latest", null);
        int id = answer.path("id").asInt(-1);
        Schema schema = parse(answer.path("schema").asText(), id);
        Registered r = new Registered(subject, answer.path("version").asInt(-1), id, schema);
        latestBySubject.put(subject, r);
        byId.putIfAbsent(id, schema);
        return r;
    }

    /** {@code GET /schemas/ids/{id}}; a 404 is a {@link RegistryException} with {@code notFound()}. */
    public Schema schemaById(int id) {
        Schema cached = byId.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        String type = answer.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new RegistryException(200, -1, "schema id " + id + " is a " + type + " schema, not Avro");
        }
        Schema schema = parse(answer.path("schema").asText(), id);
        byId.put(id, schema);
        return schema;
    }

    /** {@code POST /compatibility/subjects/{subject}/versions/latest}: would the registry accept this schema? */
    public boolean compatibleWithLatest(String subject, Schema schema) {
        return send("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest", schemaBody(schema))
                .path("is_compatible").asBoolean(false);
    }

    private JsonNode send(String method, String path, String body) {
        IOException lastFailure = null;
        String lastStatus = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            for (URI base : settings.urls()) {
                HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
                        .timeout(settings.readTimeout()).header("Accept", MEDIA + ", application/json");
                if (authorization != null) {
                    rb.header("Authorization", authorization);
                }
                rb.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                if (body != null) {
                    rb.header("Content-Type", MEDIA);
                }
                HttpResponse<String> response;
                try {
                    requests.incrementAndGet();
                    response = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    lastFailure = e;
                    continue; // next URL, then the next round
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RegistryUnavailableException("interrupted while calling the schema registry", e);
                }
                int status = response.statusCode();
                if (status >= 500 || status == 429) {
                    lastStatus = "HTTP " + status + describe(response.body());
                    continue;
                }
                JsonNode tree = readTree(response.body());
                if (status >= 300) {
                    throw new RegistryException(status, tree.path("error_code").asInt(-1),
                            "schema registry refused " + method + " " + path + ": HTTP " + status + describe(response.body()));
                }
                return tree;
            }
            pause(attempt);
        }
        String why = lastStatus != null ? lastStatus : lastFailure == null ? "no answer"
                : lastFailure.getClass().getSimpleName() + (lastFailure.getMessage() == null ? "" : " " + lastFailure.getMessage());
        throw new RegistryUnavailableException("schema registry " + settings.urls() + " unavailable for " + method + " "
                + path + " after " + ATTEMPTS + " attempts: " + why, lastFailure);
    }

    private static void pause(int attempt) {
        if (attempt + 1 >= ATTEMPTS) {
            return;
        }
        try {
            Thread.sleep(200L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(String body) {
        JsonNode tree = readTree(body);
        String m = tree.path("message").asText("");
        int code = tree.path("error_code").asInt(-1);
        return (code >= 0 ? " (error " + code + ")" : "") + (m.isEmpty() ? "" : ": " + m);
    }

    private static JsonNode readTree(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(String text, int id) {
        try {
            return new Schema.Parser().setValidateDefaults(false).parse(text);
        } catch (SchemaParseException e) {
            throw new RegistryException(200, -1, "schema id " + id + " from the registry is not a valid Avro schema: "
                    + e.getMessage());
        }
    }

    private static String enc(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A bounded, thread-safe least-recently-used map: one registry may hold more schemas than we should keep. */
    static final class Lru<K, V> {
        private final Map<K, V> map;

        Lru(int capacity) {
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized V get(K k) {
            return map.get(k);
        }

        synchronized void put(K k, V v) {
            map.put(k, v);
        }

        synchronized void putIfAbsent(K k, V v) {
            map.putIfAbsent(k, v);
        }

        synchronized int size() {
            return map.size();
        }
    }
}
