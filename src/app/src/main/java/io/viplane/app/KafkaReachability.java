package io.viplane.app;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;

/**
 * Asks the cluster for its id with a bounded timeout before a command starts. The clients on their own
 * retry for 60 s (default.api.timeout.ms, max.block.ms) and log a warning per attempt; this says it once.
 */
final class KafkaReachability {
    private KafkaReachability() {
    }

    /** Null when the cluster answered within {@code timeoutMs}, else one line saying what is wrong. */
    static String problem(Properties kafka, long timeoutMs) {
        String servers = kafka.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        Properties p = new Properties();
        p.putAll(kafka);
        // Every client key the command will use (SASL, TLS, plugins); keys an Admin does not know are logged at INFO.
        int ms = (int) Math.min(Integer.MAX_VALUE, timeoutMs);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "viplane-reachability-check");
        try (QuietKafkaLogs quiet = QuietKafkaLogs.connectionWarnings()) {
            Admin admin;
            try {
                admin = Admin.create(p);
            } catch (KafkaException e) {
                // e.g. no bootstrap server resolves, or a SASL/TLS setting the client rejects
                return "cannot reach Kafka at " + servers + " (bootstrap.servers): " + rootMessage(e);
            }
            try {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.min(left, ms)))
                        .clusterId().get(left, TimeUnit.MILLISECONDS);
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                    return timedOut(servers, timeoutMs);
                }
                // Reached, but refused: authentication, authorisation, TLS.
                return "Kafka at " + servers + " refused viplane: " + rootMessage(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                return timedOut(servers, timeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while connecting to Kafka at " + servers;
            } finally {
                admin.close(Duration.ZERO);
            }
        }
    }

    private static String timedOut(String servers, long timeoutMs) {
        return String.format("cannot reach Kafka at %s within %s s (bootstrap.servers; the wait is %s)", servers,
                timeoutMs % 1000 == 0 ? String.valueOf(timeoutMs / 1000) : String.valueOf(timeoutMs / 1000.0),
                AppConfig.CONNECT_TIMEOUT_MS);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
