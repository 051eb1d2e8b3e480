package io.viplane.topology;

import io.viplane.policy.Policy;
import io.viplane.sla.SlaTimeResolver;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Wiring shared by the processors of the account partition: its stores and the ticket engine.
 * They emit every contract output (routed tickets, escalations, SLA events, at-risk accounts) on one
 * stream that {@link Outputs} splits by type.
 */
abstract class AccountPartitionProcessor<V> implements Processor<String, V, String, SpecificRecord> {
    private final Rules rules;
    private final SlaTimeResolver slaTimes;
    private final TopologyOptions options;
    private final RecordBudget budget;
    protected ProcessorContext<String, SpecificRecord> context;
    protected AccountPartitionStores stores;
    protected TicketEngine engine;
    protected Rerouter rerouter;
    protected EventOrder order;

    AccountPartitionProcessor(Rules rules, TopologyOptions options, RecordBudget budget) {
        this.rules = rules;
        this.slaTimes = options.slaTimes();
        this.options = options;
        this.budget = budget;
    }

    protected Policy policy() {
        return rules.policy();
    }

    protected TopologyOptions options() {
        return options;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.stores = new AccountPartitionStores(context);
        this.engine = new TicketEngine(rules, slaTimes, options, context, stores);
        this.rerouter = new Rerouter(stores, engine);
        this.order = new EventOrder(stores.held, engine, options);
    }

    /** Every record of the account partition runs inside the record budget (RecordBudget). */
    @Override
    public final void process(Record<String, V> record) {
        budget.run(context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse(null),
                () -> handle(record));
    }

    protected abstract void handle(Record<String, V> record);
}
