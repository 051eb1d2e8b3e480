package io.viplane.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.sample.SampleOrganization;
import io.viplane.classification.TierClassifier;
import io.viplane.codec.Codecs;
import io.viplane.model.Account;
import io.viplane.model.Contact;
import io.viplane.model.Tier;
import io.viplane.policy.Policy;
import io.viplane.topology.Names;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The sample organisation's CRM and roster (accounts, contacts, agents) for the benchmark, and who
 * can write tickets. Its day is yesterday, so every CRM record is older than the benchmark's tickets
 * and is applied first, as in live traffic.
 */
final class Crm {
    private static final Set<String> TOPICS = Set.of(Names.ACCOUNTS, Names.CONTACTS, Names.AGENTS);

    final List<ObjectNode> lines;
    final List<Workload.Requester> requesters;
    /**
     * Who earns T1 by the policy: a T1 account writing without a contact, or any contact whose role
     * makes the ticket T1 (an executive at a smaller account). Spreads T1 tickets over many accounts,
     * as in a real organisation, instead of piling them on the few accounts that are T1 on their own.
     */
    final List<Workload.Requester> t1Requesters;

    private Crm(List<ObjectNode> lines, List<Workload.Requester> requesters, List<Workload.Requester> t1Requesters) {
        this.lines = lines;
        this.requesters = requesters;
        this.t1Requesters = t1Requesters;
    }

    static Crm sample(long seed, Policy policy) {
        SampleOrganization org = SampleOrganization.generate(seed, LocalDate.now(ZoneOffset.UTC).minusDays(1));
        List<ObjectNode> lines = new ArrayList<>();
        Map<String, Account> accounts = new HashMap<>();
        List<Contact> contacts = new ArrayList<>();
        for (ObjectNode line : org.events()) {
            String topic = line.path("topic").asText();
            JsonNode value = line.get("value");
            if (!TOPICS.contains(topic) || value == null || !value.isObject()) {
                continue;
            }
            lines.add(line);
            if (topic.equals(Names.CONTACTS)) {
                contacts.add(Codecs.json(Contact.class).fromTree(value));
            } else if (topic.equals(Names.ACCOUNTS)) {
                Account a = Codecs.json(Account.class).fromTree(value);
                accounts.put(a.getAccountId(), a);
            }
        }
        TierClassifier tiers = new TierClassifier(policy);
        List<Workload.Requester> requesters = new ArrayList<>();
        List<Workload.Requester> t1 = new ArrayList<>();
        accounts.values().stream().filter(a -> tiers.classify(a, null).tier() == Tier.T1).map(Account::getAccountId)
                .sorted().forEach(id -> t1.add(new Workload.Requester(id, null)));
        for (Contact c : contacts) {
            Workload.Requester r = new Workload.Requester(c.getAccountId(), c.getContactId());
            requesters.add(r);
            if (tiers.classify(accounts.get(c.getAccountId()), c.getRole()).tier() == Tier.T1) {
                t1.add(r);
            }
        }
        return new Crm(List.copyOf(lines), List.copyOf(requesters), List.copyOf(t1));
    }

    int t1AccountCount() {
        return (int) t1Requesters.stream().map(Workload.Requester::accountId).distinct().count();
    }

    void publish(KafkaProducer<String, byte[]> producer) {
        for (ObjectNode line : lines) {
            byte[] value = line.get("value").toString().getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(line.get("topic").asText(), line.get("key").asText(), value));
        }
        producer.flush();
    }

    int accounts() {
        return (int) lines.stream().filter(l -> l.path("topic").asText().equals(Names.ACCOUNTS)).count();
    }
}
