package io.viplane.topology;

import io.viplane.admission.InputKeys;
import io.viplane.admission.RecordTimes;
import io.viplane.model.Contact;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs on the contact partition and re-keys contacts to their account. It remembers each
 * contact's account because a tombstone on {@code crm.contacts} carries only the contact id, and
 * a contact that moves must also be deleted from its old account.
 */
final class ContactOwnerProcessor implements Processor<String, Contact, String, Contact> {
    private final RecordTimes times;
    private ProcessorContext<String, Contact> context;
    private KeyValueStore<String, String> owners;

    ContactOwnerProcessor(RecordTimes times) {
        this.times = times;
    }

    @Override
    public void init(ProcessorContext<String, Contact> context) {
        this.context = context;
        this.owners = context.getStateStore(Names.CONTACT_OWNER_STORE);
    }

    @Override
    public void process(Record<String, Contact> record) {
        String contactId = record.key();
        Contact c = record.value();
        InputKeys.check("contact_id", contactId, c == null ? null : c.getContactId(), c == null);
        if (c != null) {
            times.check("updated_at", c.getUpdatedAt(), context.currentSystemTimeMs());
        }
        String previous = owners.get(contactId);
        if (previous != null && (c == null || !previous.equals(c.getAccountId()))) {
            context.forward(record.withKey(Names.compositeKey(previous, contactId)).withValue((Contact) null)
                    .withTimestamp(StateStamp.TIMESTAMP));
        }
        if (c == null) {
            owners.delete(contactId);
            return;
        }
        owners.put(contactId, c.getAccountId());
        context.forward(record.withKey(Names.compositeKey(c.getAccountId(), contactId))
                .withTimestamp(StateStamp.TIMESTAMP)); // state, applied before waiting tickets (StateStamp)
    }
}
