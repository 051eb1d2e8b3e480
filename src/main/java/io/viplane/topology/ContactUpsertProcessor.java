package io.viplane.topology;

import io.viplane.model.Contact;
import io.viplane.model.RoutedTicket;
import io.viplane.policy.Policy;
import io.viplane.sla.SlaTimeResolver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Keeps the account's contact directory; a contact's new role can change its tickets' tier. */
final class ContactUpsertProcessor implements Processor<String, Contact, String, RoutedTicket> {
    private final Policy policy;
    private final SlaTimeResolver slaTimes;
    private AccountPartitionStores stores;
    private Rerouter rerouter;

    ContactUpsertProcessor(Policy policy, SlaTimeResolver slaTimes) {
        this.policy = policy;
        this.slaTimes = slaTimes;
    }

    @Override
    public void init(ProcessorContext<String, RoutedTicket> context) {
        this.stores = new AccountPartitionStores(context);
        this.rerouter = new Rerouter(context, stores, new RouteEmitter(policy, slaTimes, stores));
    }

    @Override
    public void process(Record<String, Contact> record) {
        String key = record.key();
        int sep = key.indexOf('\u0001');
        String accountId = key.substring(0, sep);
        String contactId = key.substring(sep + 1);
        if (record.value() == null) {
            stores.contacts.delete(key);
        } else {
            stores.contacts.put(key, record.value());
        }
        rerouter.rerouteOpenTickets(accountId, contactId, record, "crm.contacts:" + contactId);
    }
}
