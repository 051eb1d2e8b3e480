package io.viplane.app;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silences the Kafka clients' per-attempt connection warnings while {@link KafkaReachability} waits for a
 * broker (it reports the outcome itself), and restores them afterwards, so a pipeline that loses its broker
 * later still logs them. slf4j has no API to change a level, so this sets the level of slf4j-simple's cached
 * logger instances (the binding the product ships); with another binding it does nothing.
 */
final class QuietKafkaLogs implements AutoCloseable {
    /** The loggers that speak while a client cannot connect or resolve its bootstrap servers. */
    static final List<String> CONNECTION_LOGGERS = List.of(
            "org.apache.kafka.clients.NetworkClient",
            "org.apache.kafka.clients.ClientUtils",
            "org.apache.kafka.clients.admin.KafkaAdminClient",
            "org.apache.kafka.clients.admin.internals.AdminMetadataManager",
            "org.apache.kafka.common.network.Selector");

    private final Map<Logger, Integer> saved = new java.util.LinkedHashMap<>();

    private QuietKafkaLogs() {
    }

    static QuietKafkaLogs connectionWarnings() {
        QuietKafkaLogs q = new QuietKafkaLogs();
        Field level = levelField();
        if (level == null) {
            return q;
        }
        List<Logger> loggers = new ArrayList<>();
        CONNECTION_LOGGERS.forEach(name -> loggers.add(LoggerFactory.getLogger(name)));
        for (Logger logger : loggers) {
            if (level.getDeclaringClass().isInstance(logger)) {
                try {
                    q.saved.put(logger, level.getInt(logger));
                    level.setInt(logger, Integer.MAX_VALUE);
                } catch (IllegalAccessException e) {
                    // leave this logger as it is: the check still works, only noisier
                }
            }
        }
        return q;
    }

    private static Field levelField() {
        try {
            Field f = Class.forName("org.slf4j.simple.SimpleLogger").getDeclaredField("currentLogLevel");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        Field level = levelField();
        saved.forEach((logger, value) -> {
            try {
                level.setInt(logger, value);
            } catch (IllegalAccessException e) {
                // unreachable: the same field was writable when saved
            }
        });
    }
}
