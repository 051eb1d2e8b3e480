package io.viplane.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.model.Tier;
import io.viplane.sample.TicketTexts.Category;
import io.viplane.topology.Names;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sample organisation's customers without its day of tickets: the CRM records to publish and, per
 * account, what a traffic generator needs to write tickets for it (tier, zone, contacts). Used by the
 * simulator, which writes its own month of tickets and lets simulated agents answer them.
 */
public final class SampleCustomers {
    /** One account: its id, the tier it was built to earn, its IANA zone, its contacts (executives apart). */
    public record Customer(String accountId, Tier tier, String zone, List<String> contactIds,
                           List<String> executiveContactIds) {
    }

    /** The text of a new ticket (no personal data: the templates name products and numbers, never people). */
    public record Text(String subject, String body, String tag) {
    }

    private final List<ObjectNode> crm;
    private final List<Customer> customers;
    private final Dice dice;

    private SampleCustomers(List<ObjectNode> crm, List<Customer> customers, Dice dice) {
        this.crm = crm;
        this.customers = customers;
        this.dice = dice;
    }

    /** The same 2,000 accounts (23 T1, 67 T2, 145 T3) and contacts as {@link SampleOrganization#generate}. */
    public static SampleCustomers build(long seed, LocalDate day) {
        Dice dice = new Dice(seed);
        AccountBook book = AccountBook.build(dice, day);
        List<SampleContact> contacts = ContactBook.build(dice, day, book);
        List<ObjectNode> crm = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();
        for (SampleAccount a : book.all) {
            crm.add(SampleOrganization.line(Names.ACCOUNTS, a.id, a.toJson()));
            customers.add(new Customer(a.id, a.tier, a.zone,
                    a.contacts.stream().filter(c -> !c.isExecutive()).map(c -> c.id).toList(),
                    a.contacts.stream().filter(SampleContact::isExecutive).map(c -> c.id).toList()));
        }
        for (SampleContact c : contacts) {
            crm.add(SampleOrganization.line(Names.CONTACTS, c.id, c.toJson()));
        }
        return new SampleCustomers(Collections.unmodifiableList(crm), Collections.unmodifiableList(customers),
                new Dice(seed ^ 0x5DEECE66DL));
    }

    /** {@code {"topic", "key", "value"}} lines: every account, then every contact; fresh copies. */
    public List<ObjectNode> crmLines() {
        return crm.stream().map(ObjectNode::deepCopy).toList();
    }

    public List<Customer> customers() {
        return customers;
    }

    /** A new ticket's text, an ordinary one or one that says the customer is looking at alternatives. */
    public Text opening(boolean churn) {
        Category c = dice.pick(List.of(Category.values()));
        TicketTexts.Opening o = TicketTexts.opening(c, false, dice);
        String body = churn ? o.body() + " " + TicketTexts.line(TicketTexts.CHURN, dice) : o.body();
        return new Text(o.subject(), body, o.tag());
    }
}
