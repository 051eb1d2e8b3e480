package io.viplane.topology;

import io.viplane.model.Contact;
import org.apache.kafka.streams.processor.api.Record;

/** Keeps the account's contact directory; a contact's new role can change its tickets' tier. */
final class ContactUpsertProcessor extends AccountPartitionProcessor<Contact> {
    ContactUpsertProcessor(Rules rules, TopologyOptions options, RecordBudget budget) {
        super(rules, options, budget);
    }

    @Override
    protected void handle(Record<String, Contact> record) {
        String key = record.key();
        int sep = key.indexOf('\u0001');
        String accountId = key.substring(0, sep);
        String contactId = key.substring(sep + 1);
        if (record.value() == null) {
            stores.contacts.delete(key);
        } else {
            stores.contacts.put(key, record.value());
        }
        rerouter.rerouteOpenTickets(accountId, contactId, "crm.contacts:" + contactId);
    }
}
