package io.viplane.sample;

import io.viplane.model.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What the hand-written tickets need: the day's clock, the accounts, the agents and a few borrowed accounts. */
final class StoryKit {
    final Dice dice;
    final LocalDate day;
    final Instant dayStart;
    final AccountBook book;
    final AgentRoster roster;
    private final List<SampleAccount> borrowed = new ArrayList<>();

    StoryKit(Dice dice, LocalDate day, AccountBook book, AgentRoster roster) {
        this.dice = dice;
        this.day = day;
        this.dayStart = AccountBook.dayStart(day);
        this.book = book;
        this.roster = roster;
    }

    Instant utc(int hour, int minute) {
        return dayStart.plusSeconds(hour * 3600L + minute * 60L);
    }

    /** A wall-clock time in the account's zone on the sample day (e.g. Friday 16:47 local). */
    Instant local(SampleAccount a, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZoneId.of(a.zone)).toInstant();
    }

    /** An ordinary (non-story) account of this tier, never the same one twice, for stories about behaviour rather than accounts. */
    SampleAccount borrow(Tier tier) {
        List<SampleAccount> free = book.all.stream()
                .filter(a -> a.tier == tier && !book.stories.containsValue(a) && !borrowed.contains(a))
                .filter(a -> a.contacts.stream().noneMatch(SampleContact::isExecutive) || tier != Tier.STANDARD)
                .toList();
        SampleAccount a = dice.pick(free);
        borrowed.add(a);
        return a;
    }

    /** The first contact with one of these roles, so a story controls whether its ticket is T1 by contact. */
    static SampleContact contact(SampleAccount a, String... roles) {
        for (String role : roles) {
            SampleContact c = a.firstWithRole(role);
            if (c != null) {
                return c;
            }
        }
        throw new IllegalStateException(a.id + " has none of the roles " + List.of(roles));
    }

    String agent(String firstName) {
        return roster.byName(firstName).id();
    }

    String anyIn(String pool) {
        return dice.pick(roster.inPool(pool)).id();
    }

    static TicketPlan story(String key, String text, Instant created, SampleAccount a, SampleContact c,
                            Consumer<TicketWriter> script) {
        return TicketPlan.of(created, a, c, script).asStory(key, text);
    }

    /** A ticket from someone the CRM does not know (no account, no contact). */
    static TicketPlan stranger(String key, String text, Instant created, String email, String name,
                               Consumer<TicketWriter> script) {
        return new TicketPlan(created, null, null, email, name, key, text, script);
    }
}
