package io.viplane.topology;

import io.viplane.admission.InputKeys;
import io.viplane.model.Account;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps the account table and re-routes the account's open tickets when it changes: a ticket that
 * arrived before its account (UNKNOWN_ACCOUNT) gets its real tier as soon as the CRM catches up.
 */
final class AccountUpsertProcessor extends AccountPartitionProcessor<Account> {
    AccountUpsertProcessor(Rules rules, TopologyOptions options, RecordBudget budget) {
        super(rules, options, budget);
    }

    @Override
    protected void handle(Record<String, Account> record) {
        String accountId = record.key();
        Account a = record.value();
        // Admitted (key, updated_at) by StateStamp before the repartition topic; checked again for the key
        // because this processor owns the store it is written to.
        InputKeys.check("account_id", accountId, a == null ? null : a.getAccountId(), a == null);
        if (a == null) {
            stores.accounts.delete(accountId);
        } else {
            stores.accounts.put(accountId, a);
        }
        // Risk first: the re-routed tickets then carry the account's new churn risk.
        // The clocks' "now"; before a replay's sources have all reported, the record's own update time.
        java.time.Instant at = engine.clockNow();
        if (at.toEpochMilli() == 0 && a != null && a.getUpdatedAt() != null) {
            at = a.getUpdatedAt();
        }
        engine.accountChanged(accountId, a, engine.daysToRenewal(a, at), at);
        rerouter.rerouteOpenTickets(accountId, null, "crm.accounts:" + accountId);
    }
}
