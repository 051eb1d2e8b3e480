package io.viplane.topology;

import io.viplane.classification.ExecutiveRoles;
import io.viplane.escalation.NameMatch;
import io.viplane.model.Contact;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the executive-contact index: every account's executives by normalised name ({@link NameMatch#key}),
 * so a ticket from a personal address, with or without an account, can be recognised on any partition
 * (POLICY.md §1, anonymous VIP). Entries are {@code key + \u0001 + contact_id -> account_id}: no e-mail
 * address, title or original spelling is stored. A contact that is no longer an executive, is renamed or is
 * deleted takes its old entry with it (this processor remembers each contact's entry).
 */
final class ExecutiveIndexProcessor implements Processor<String, Contact, String, String> {
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> entries;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.entries = context.getStateStore(Names.EXEC_INDEX_OWNER_STORE);
    }

    @Override
    public void process(Record<String, Contact> record) {
        String contactId = record.key();
        Contact c = record.value();
        if (contactId == null || (c != null && !contactId.equals(c.getContactId()))) {
            return; // dead-lettered by the contact's own path (ContactOwnerProcessor), never indexed
        }
        String entry = c == null || !ExecutiveRoles.isExecutive(c.getRole()) || c.getAccountId() == null
                ? null : indexEntry(c);
        String previous = entries.get(contactId);
        if (previous != null && !previous.equals(entry)) {
            context.forward(new Record<>(previous, (String) null, StateStamp.TIMESTAMP));
        }
        if (entry == null) {
            entries.delete(contactId);
        } else if (!entry.equals(previous)) {
            entries.put(contactId, entry);
            context.forward(new Record<>(entry, c.getAccountId(), StateStamp.TIMESTAMP));
        }
    }

    private static String indexEntry(Contact c) {
        String key = NameMatch.key(c.getName());
        return key == null ? null : Names.compositeKey(key, c.getContactId());
    }
}
