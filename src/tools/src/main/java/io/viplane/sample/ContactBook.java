package io.viplane.sample;

import io.viplane.model.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CRM contacts: several per VIP account with executives on T1 (which is what makes a ticket T1
 * by contact), one or two per standard account, and a few small standard customers whose founder
 * writes in themselves (a T1 ticket from a standard account).
 */
final class ContactBook {
    /** A T1 executive with a name no generated contact can have, for the personal e-mail story. */
    static final String PERSONAL_MAIL_FIRST = "Helena";
    static final String PERSONAL_MAIL_LAST = "Stroud";
    static final int STANDARD_WITH_EXECUTIVE = 3;

    private static final Map<String, List<String>> TITLES = Map.of(
            "C_LEVEL", List.of("Chief Executive Officer", "Chief Technology Officer", "Chief Financial Officer",
                    "Chief Information Officer", "Chief Operating Officer", "Chief Revenue Officer"),
            "VP", List.of("VP of Engineering", "VP of Operations", "VP of Finance",
                    "Vice President, Customer Experience", "VP of IT"),
            "DIRECTOR", List.of("Director of IT", "Director of Engineering", "Director, Finance Operations",
                    "Head of Data Platform"),
            "MANAGER", List.of("IT Manager", "Engineering Manager", "Billing Manager", "Support Operations Manager"),
            "END_USER", List.of("Data Analyst", "Software Engineer", "Accountant", "Operations Specialist",
                    "Sales Operations Analyst", "System Administrator"),
            "BOARD_MEMBER", List.of("Board Member", "Non-Executive Director"),
            "INVESTOR", List.of("Board Observer (Investor)", "Partner, Harrowfield Capital"));

    private int next = 1;

    static List<SampleContact> build(Dice dice, LocalDate day, AccountBook book) {
        ContactBook b = new ContactBook();
        List<SampleContact> all = new ArrayList<>();
        Set<SampleAccount> foundersWriting = pickFounderAccounts(dice, book.all);
        for (SampleAccount a : book.all) {
            for (String role : roles(a, dice, foundersWriting.contains(a))) {
                SampleContact c = b.contact(dice, day, a, role);
                a.contacts.add(c);
                all.add(c);
            }
        }
        SampleContact exec = book.story(StoryAccounts.AT_RISK_USAGE).firstWithRole("C_LEVEL");
        exec.first = PERSONAL_MAIL_FIRST;
        exec.last = PERSONAL_MAIL_LAST;
        exec.title = "Chief Executive Officer";
        exec.email = emailFor(book.story(StoryAccounts.AT_RISK_USAGE), exec.first, exec.last, "");
        return all;
    }

    private static Set<SampleAccount> pickFounderAccounts(Dice dice, List<SampleAccount> all) {
        List<SampleAccount> standard = all.stream().filter(a -> a.tier == Tier.STANDARD).toList();
        Set<SampleAccount> picked = new HashSet<>();
        while (picked.size() < STANDARD_WITH_EXECUTIVE) {
            picked.add(dice.pick(standard));
        }
        return picked;
    }

    private static List<String> roles(SampleAccount a, Dice dice, boolean founderWrites) {
        List<String> roles = new ArrayList<>();
        switch (a.tier) {
            case T1 -> {
                roles.addAll(List.of("C_LEVEL", "VP", "DIRECTOR", "MANAGER"));
                if (a.flags.contains("BOARD_INVESTOR")) {
                    roles.add(dice.chance(0.5) ? "INVESTOR" : "BOARD_MEMBER");
                }
                for (int i = dice.between(0, 2); i > 0; i--) {
                    roles.add("END_USER");
                }
            }
            case T2 -> {
                roles.addAll(List.of("DIRECTOR", "MANAGER", "END_USER"));
                if (dice.chance(0.4)) {
                    roles.add(1, "VP");
                }
            }
            case T3 -> {
                roles.addAll(List.of("MANAGER", "END_USER"));
                if (dice.chance(0.4)) {
                    roles.add(0, "DIRECTOR");
                }
            }
            case STANDARD -> {
                if (founderWrites) {
                    roles.add("C_LEVEL");
                }
                roles.add("END_USER");
                if (dice.chance(0.5)) {
                    roles.add(dice.chance(0.5) ? "MANAGER" : "END_USER");
                }
            }
        }
        return roles;
    }

    private SampleContact contact(Dice dice, LocalDate day, SampleAccount a, String role) {
        SampleContact c = new SampleContact(String.format("con-%05d", next++), a.id);
        PersonNames.Person p = PersonNames.next(dice, a.zone);
        c.first = p.first();
        c.last = p.last();
        c.role = role;
        c.title = a.tier == Tier.STANDARD && role.equals("C_LEVEL") ? "Founder & CEO" : dice.pick(TITLES.get(role));
        String suffix = a.contacts.stream().anyMatch(o -> o.first.equals(c.first) && o.last.equals(c.last))
                ? String.valueOf(a.contacts.size() + 1) : "";
        c.email = role.equals("INVESTOR")
                ? p.mailbox() + suffix + "@harrowfield-capital.example"
                : emailFor(a, c.first, c.last, suffix);
        // The admin who may change the account: the top executive on T1, the IT lead elsewhere.
        c.authorizedForChanges = switch (a.tier) {
            case T1 -> role.equals("C_LEVEL");
            case T2, T3 -> role.equals("MANAGER");
            case STANDARD -> a.contacts.isEmpty() && dice.chance(0.06);
        };
        c.updatedAt = AccountBook.dayStart(day).minusSeconds(dice.between(3600, 60 * 86400));
        return c;
    }

    private static String emailFor(SampleAccount a, String first, String last, String suffix) {
        return new PersonNames.Person(first, last).mailbox() + suffix + "@" + a.domain;
    }
}
