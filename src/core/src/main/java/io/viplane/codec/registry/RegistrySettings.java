package io.viplane.codec.registry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach a Confluent-compatible schema registry and how the serde uses it. Read from the
 * same keys Confluent's clients use, so an existing client configuration file works unchanged.
 *
 * @param urls           {@code schema.registry.url}: one or more base URLs, tried in order
 * @param userInfo       {@code user:password} for HTTP basic auth, or null
 * @param tls            {@code schema.registry.ssl.*} key and trust stores; null means the JVM's defaults
 * @param autoRegister   {@code auto.register.schemas} (default true): register the writer schema on first use
 * @param useLatestVersion {@code use.latest.version} (default false): write with the subject's latest schema
 * @param latestCompatibilityStrict {@code latest.compatibility.strict} (default true): refuse a latest
 *                       schema that cannot represent the application's own records
 * @param cacheCapacity  {@code max.schemas.per.subject} (default 1000): bound of each client cache
 * @param connectTimeout {@code http.connect.timeout.ms}
 * @param readTimeout    {@code http.read.timeout.ms}
 */
public record RegistrySettings(List<URI> urls, String userInfo, Tls tls, boolean autoRegister, boolean useLatestVersion,
                               boolean latestCompatibilityStrict, int cacheCapacity, Duration connectTimeout,
                               Duration readTimeout) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String CACHE_CAPACITY = "max.schemas.per.subject";
    public static final String CONNECT_TIMEOUT = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT = "http.read.timeout.ms";
    public static final String SSL_PREFIX = "schema.registry.ssl.";

    /** Key and trust stores for HTTPS to the registry ({@code schema.registry.ssl.*}). */
    public record Tls(String truststoreLocation, String truststorePassword, String truststoreType,
                      String keystoreLocation, String keystorePassword, String keystoreType, String keyPassword) {
    }

    public RegistrySettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(URL + " is required for the avro-registry format");
        }
    }

    public static RegistrySettings of(String url) {
        return from(Map.of(URL, url));
    }

    /** From client-style properties; unknown keys are ignored (the same map also configures Kafka). */
    public static RegistrySettings from(Map<?, ?> config) {
        String rawUrls = str(config, URL, null);
        if (rawUrls == null || rawUrls.isBlank()) {
            throw new IllegalArgumentException(URL + " is required for the avro-registry format");
        }
        List<URI> urls = new ArrayList<>();
        String urlUserInfo = null;
        for (String u : rawUrls.split(",")) {
            if (u.isBlank()) {
                continue;
            }
            URI uri = URI.create(u.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException(URL + " must be an http:// or https:// URL");
            }
            if (uri.getUserInfo() != null) {
                urlUserInfo = uri.getUserInfo();
                uri = URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + (uri.getRawPath() == null ? "" : uri.getRawPath()));
            }
            urls.add(uri);
        }
        String source = str(config, CREDENTIALS_SOURCE, "URL").toUpperCase(Locale.ROOT);
        String userInfo = switch (source) {
            case "URL" -> urlUserInfo;
            case "USER_INFO" -> {
                String ui = str(config, USER_INFO, str(config, "schema.registry." + USER_INFO, null));
                if (ui == null || !ui.contains(":")) {
                    throw new IllegalArgumentException(USER_INFO + " must be user:password when "
                            + CREDENTIALS_SOURCE + "=USER_INFO");
                }
                yield ui;
            }
            default -> throw new IllegalArgumentException(CREDENTIALS_SOURCE + " must be URL or USER_INFO (not "
                    + source + ")");
        };
        Tls tls = null;
        String truststore = str(config, SSL_PREFIX + "truststore.location", null);
        String keystore = str(config, SSL_PREFIX + "keystore.location", null);
        if (truststore != null || keystore != null) {
            tls = new Tls(truststore, str(config, SSL_PREFIX + "truststore.password", null),
                    str(config, SSL_PREFIX + "truststore.type", "JKS"), keystore,
                    str(config, SSL_PREFIX + "keystore.password", null), str(config, SSL_PREFIX + "keystore.type", "JKS"),
                    str(config, SSL_PREFIX + "key.password", null));
        }
        return new RegistrySettings(urls, userInfo, tls, bool(config, AUTO_REGISTER, true),
                bool(config, USE_LATEST_VERSION, false), bool(config, LATEST_COMPATIBILITY_STRICT, true),
                (int) num(config, CACHE_CAPACITY, 1000), Duration.ofMillis(num(config, CONNECT_TIMEOUT, 10_000)),
                Duration.ofMillis(num(config, READ_TIMEOUT, 30_000)));
    }

    public RegistrySettings withAutoRegister(boolean on) {
        return new RegistrySettings(urls, userInfo, tls, on, useLatestVersion, latestCompatibilityStrict, cacheCapacity,
                connectTimeout, readTimeout);
    }

    public RegistrySettings withUseLatestVersion(boolean on) {
        return new RegistrySettings(urls, userInfo, tls, autoRegister, on, latestCompatibilityStrict, cacheCapacity,
                connectTimeout, readTimeout);
    }

    @Override
    public String toString() {
        // Never the password: settings end up in start-up logs.
        return "RegistrySettings[urls=" + urls + ", basicAuth=" + (userInfo != null) + ", tls=" + (tls != null)
                + ", autoRegister=" + autoRegister + ", useLatestVersion=" + useLatestVersion + "]";
    }

    private static String str(Map<?, ?> c, String key, String dflt) {
        Object v = c.get(key);
        return v == null ? dflt : v.toString().trim();
    }

    private static boolean bool(Map<?, ?> c, String key, boolean dflt) {
        String v = str(c, key, null);
        if (v == null) {
            return dflt;
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false");
        }
        return Boolean.parseBoolean(v);
    }

    private static long num(Map<?, ?> c, String key, long dflt) {
        String v = str(c, key, null);
        try {
            long n = v == null ? dflt : Long.parseLong(v);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a positive whole number");
        }
    }
}
