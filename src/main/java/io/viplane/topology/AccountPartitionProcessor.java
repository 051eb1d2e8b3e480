package io.viplane.topology;

import io.viplane.model.RoutedTicket;
import io.viplane.policy.Policy;
import io.viplane.sla.SlaTimeResolver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/** Wiring shared by the processors of the account partition: its stores, routing and re-routing. */
abstract class AccountPartitionProcessor<V> implements Processor<String, V, String, RoutedTicket> {
    private final Policy policy;
    private final SlaTimeResolver slaTimes;
    protected ProcessorContext<String, RoutedTicket> context;
    protected AccountPartitionStores stores;
    protected RouteEmitter emitter;
    protected Rerouter rerouter;

    AccountPartitionProcessor(Policy policy, SlaTimeResolver slaTimes) {
        this.policy = policy;
        this.slaTimes = slaTimes;
    }

    protected Policy policy() {
        return policy;
    }

    @Override
    public void init(ProcessorContext<String, RoutedTicket> context) {
        this.context = context;
        this.stores = new AccountPartitionStores(context);
        this.emitter = new RouteEmitter(policy, slaTimes, stores);
        this.rerouter = new Rerouter(context, stores, emitter);
    }
}
