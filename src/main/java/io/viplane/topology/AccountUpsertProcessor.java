package io.viplane.topology;

import io.viplane.codec.InvalidRecordException;
import io.viplane.model.Account;
import io.viplane.model.RoutedTicket;
import io.viplane.policy.Policy;
import io.viplane.sla.SlaTimeResolver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps the account table and re-routes the account's open tickets when it changes: a ticket that
 * arrived before its account (UNKNOWN_ACCOUNT) gets its real tier as soon as the CRM catches up.
 */
final class AccountUpsertProcessor implements Processor<String, Account, String, RoutedTicket> {
    private final Policy policy;
    private final SlaTimeResolver slaTimes;
    private ProcessorContext<String, RoutedTicket> context;
    private AccountPartitionStores stores;
    private Rerouter rerouter;

    AccountUpsertProcessor(Policy policy, SlaTimeResolver slaTimes) {
        this.policy = policy;
        this.slaTimes = slaTimes;
    }

    @Override
    public void init(ProcessorContext<String, RoutedTicket> context) {
        this.context = context;
        this.stores = new AccountPartitionStores(context);
        this.rerouter = new Rerouter(context, stores, new RouteEmitter(policy, slaTimes, stores));
    }

    @Override
    public void process(Record<String, Account> record) {
        String accountId = record.key();
        Account a = record.value();
        if (accountId == null) {
            throw new InvalidRecordException("account_id", "record key is missing");
        }
        if (a != null && !accountId.equals(a.getAccountId())) {
            throw new InvalidRecordException("account_id", "does not match the record key");
        }
        if (a == null) {
            stores.accounts.delete(accountId);
        } else {
            stores.accounts.put(accountId, a);
        }
        rerouter.rerouteOpenTickets(accountId, null, record, "crm.accounts:" + accountId);
    }
}
