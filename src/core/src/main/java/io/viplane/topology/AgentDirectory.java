package io.viplane.topology;

import io.viplane.model.Agent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The agent roster as this task last read it from the global {@code agents} store. Reading 10,000
 * agents for every routed ticket would cost more than routing itself, so the snapshot is re-read at
 * most once per refresh interval: a suggestion may be that many seconds behind the workforce tool,
 * which is fine for a suggestion (the help desk assigns).
 */
final class AgentDirectory {
    private final ReadOnlyKeyValueStore<String, Agent> store;
    private final long refreshMs;
    private final ProcessingContext context;
    private List<Agent> snapshot = List.of();
    private long readAtMs = Long.MIN_VALUE;

    AgentDirectory(ProcessingContext context, long refreshMs) {
        this.context = context;
        this.store = context.getStateStore(Names.AGENT_STORE);
        this.refreshMs = refreshMs;
    }

    List<Agent> agents() {
        long now = context.currentSystemTimeMs();
        if (readAtMs == Long.MIN_VALUE || now - readAtMs >= refreshMs) {
            List<Agent> fresh = new ArrayList<>();
            try (KeyValueIterator<String, Agent> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, Agent> kv = it.next();
                    if (kv.value != null) {
                        fresh.add(kv.value);
                    }
                }
            }
            snapshot = List.copyOf(fresh);
            readAtMs = now;
        }
        return snapshot;
    }
}
