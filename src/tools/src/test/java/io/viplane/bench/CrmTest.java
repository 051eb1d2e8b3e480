package io.viplane.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.classification.TierClassifier;
import io.viplane.codec.Codecs;
import io.viplane.model.Account;
import io.viplane.model.Contact;
import io.viplane.model.Tier;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyLoader;
import io.viplane.topology.Names;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmTest {
    private static final Policy POLICY = PolicyLoader.load("white-glove").policy();

    @Test
    void everyT1RequesterIsClassifiedT1AndTheyReachBeyondTheT1Accounts() {
        Crm crm = Crm.sample(7, POLICY);
        Map<String, Account> accounts = new HashMap<>();
        Map<String, Contact> contacts = new HashMap<>();
        crm.lines.forEach(l -> {
            if (l.get("topic").asText().equals(Names.ACCOUNTS)) {
                Account a = Codecs.json(Account.class).fromTree(l.get("value"));
                accounts.put(a.getAccountId(), a);
            } else if (l.get("topic").asText().equals(Names.CONTACTS)) {
                Contact c = Codecs.json(Contact.class).fromTree(l.get("value"));
                contacts.put(c.getContactId(), c);
            }
        });
        TierClassifier tiers = new TierClassifier(POLICY);
        long ownT1 = accounts.values().stream().filter(a -> tiers.classify(a, null).tier() == Tier.T1).count();
        assertEquals(23, ownT1, "the sample organisation's documented T1 count");
        for (Workload.Requester r : crm.t1Requesters) {
            Contact c = r.contactId() == null ? null : contacts.get(r.contactId());
            assertEquals(Tier.T1, tiers.classify(accounts.get(r.accountId()), c == null ? null : c.getRole()).tier(), r.toString());
        }
        assertTrue(crm.t1AccountCount() > ownT1, "executive contacts make tickets at other accounts T1 too");
        assertEquals(contacts.size(), crm.requesters.size());
    }

    @Test
    void leadNeverPutsCreationInTheFuture() {
        assertEquals(840, SlaScenario.maxLead(15)); // 15 min target, a minute of margin
        assertEquals(1, SlaScenario.maxLead(1));
    }
}
