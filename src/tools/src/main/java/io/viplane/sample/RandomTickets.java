package io.viplane.sample;

import io.viplane.sample.Sentiments.Plan;
import io.viplane.sample.TicketTexts.Category;
import io.viplane.sample.TicketTexts.Mood;
import io.viplane.model.Tier;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordinary traffic around the stories: tickets from random accounts, created mostly in their
 * local business hours, answered roughly within their tier's targets, some resolved by the end
 * of the day. Protocol violations are left to the stories, so that every alert in the demo has
 * a ticket that is meant to raise it.
 */
final class RandomTickets {
    private static final List<Category> CATEGORIES = List.of(Category.values());
    private static final double[] CATEGORY_WEIGHTS = {22, 15, 22, 8, 10, 23};
    private static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");
    private static final double[] PRIORITY_WEIGHTS = {15, 58, 21, 6};

    private final Dice dice;
    private final AgentRoster roster;

    private RandomTickets(Dice dice, AgentRoster roster) {
        this.dice = dice;
        this.roster = roster;
    }

    static List<TicketPlan> plan(Dice dice, AccountBook book, AgentRoster roster, Traffic traffic,
                                 int count, int vipCount) {
        RandomTickets r = new RandomTickets(dice, roster);
        List<SampleAccount> open = book.all.stream().filter(a -> !book.stories.containsValue(a)).toList();
        List<List<SampleAccount>> vip = List.of(ofTier(open, Tier.T1), ofTier(open, Tier.T2), ofTier(open, Tier.T3));
        List<SampleAccount> standard = ofTier(open, Tier.STANDARD);
        List<TicketPlan> plans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SampleAccount a = i < vipCount
                    ? dice.pick(dice.weighted(vip, new double[] {25, 35, 40}))
                    : dice.pick(standard);
            SampleContact c = r.requester(a);
            Instant created = r.creationTime(traffic, a.zone);
            plans.add(TicketPlan.of(created, a, c, r::lifecycle));
        }
        return plans;
    }

    private static List<SampleAccount> ofTier(List<SampleAccount> all, Tier tier) {
        return all.stream().filter(a -> a.tier == tier).toList();
    }

    /** Mostly end users and managers; now and then a VIP's executive writes in (a T1 ticket by contact). */
    private SampleContact requester(SampleAccount a) {
        List<SampleContact> regular = a.contacts.stream().filter(c -> !c.isExecutive()).toList();
        if (a.tier != Tier.STANDARD && dice.chance(0.12)) {
            return dice.pick(a.contacts);
        }
        return dice.pick(regular);
    }

    /** Rejection sampling on the account's local hour: people write in during their working day. */
    private Instant creationTime(Traffic traffic, String zone) {
        while (true) {
            Instant t = traffic.dayStart.plusSeconds(dice.between(0, 24 * 3600 - 1800));
            ZonedDateTime local = t.atZone(ZoneId.of(zone));
            int h = local.getHour();
            double w = h >= 8 && h < 18 ? 1.0 : h == 7 || (h >= 18 && h < 21) ? 0.35 : 0.06;
            DayOfWeek d = local.getDayOfWeek();
            if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) {
                w *= 0.3;
            }
            if (dice.chance(w)) {
                return t;
            }
        }
    }

    private void lifecycle(TicketWriter w) {
        Tier tier = w.plan.ticketTier();
        boolean vip = tier != Tier.STANDARD;
        boolean chinese = w.plan.account().zone.equals("Asia/Shanghai") && dice.chance(0.7);
        Category category = dice.weighted(CATEGORIES, CATEGORY_WEIGHTS);
        String priority = category == Category.OUTAGE ? dice.pick("HIGH", "URGENT") : dice.weighted(PRIORITIES, PRIORITY_WEIGHTS);
        TicketTexts.Opening opening = TicketTexts.opening(category, chinese, dice);
        Mood mood = category == Category.OUTAGE || priority.equals("URGENT") ? Mood.CONCERNED : Mood.NEUTRAL;
        StringBuilder body = new StringBuilder(opening.body());
        double u = dice.uniform(0, 1);
        if (u < 0.10) {
            body.append(' ').append(TicketTexts.line(chinese ? TicketTexts.FRUSTRATION_ZH : TicketTexts.FRUSTRATION, dice));
            mood = Mood.FRUSTRATED;
        } else if (u < 0.13) {
            body.append(' ').append(TicketTexts.line(chinese ? TicketTexts.CHURN_ZH : TicketTexts.CHURN, dice));
            mood = Mood.CHURN;
        } else if (u < 0.18 && !chinese) {
            body.append(' ').append(TicketTexts.line(TicketTexts.FALSE_FRIENDS, dice));
        } else if (u < 0.21) {
            body.append(' ').append(TicketTexts.line(chinese ? TicketTexts.MANAGER_ZH : TicketTexts.MANAGER, dice));
            mood = Mood.FRUSTRATED;
        }
        String channel = channel(vip, category);
        w.created(priority, channel, opening.subject(), body.toString(), mood, Plan.MAYBE,
                chinese ? List.of(opening.tag(), "lang:zh") : List.of(opening.tag()));

        double t = assignAfter(tier, priority);
        w.assigned(t, assignee(tier).id());
        t += firstReplyAfter(tier);
        w.reply(t, TicketTexts.agent(chinese ? TicketTexts.AGENT_FIRST_ZH : TicketTexts.AGENT_FIRST, w.firstName(), dice));
        boolean pending = dice.chance(vip ? 0.25 : 0.07);
        if (pending) {
            w.status(t + 0.5, "PENDING");
        }
        if (dice.chance(vip ? 0.15 : 0.03)) {
            w.note(t + dice.between(2, 20), TicketTexts.line(TicketTexts.NOTES, dice));
        }
        if (dice.chance(0.04)) {
            w.priority(t + dice.between(5, 40), priority.equals("HIGH") || priority.equals("URGENT") ? "NORMAL" : "HIGH");
        }
        if (dice.chance(0.04)) {
            SampleAgentRef next = transferTarget(tier, w.assignee);
            t += dice.between(5, 30);
            w.transferred(t, next.id, vip || dice.chance(0.7),
                    "Transferring to " + next.firstName + ", who owns " + opening.tag() + " issues.");
        }
        if (dice.chance(vip ? 0.35 : 0.08)) {
            t += dice.between(10, 180);
            w.message(t, TicketTexts.line(chinese ? TicketTexts.FOLLOW_UP_ZH : TicketTexts.FOLLOW_UP, dice),
                    mood == Mood.NEUTRAL ? Mood.NEUTRAL : Mood.FRUSTRATED, Plan.MAYBE, pending ? "OPEN" : null);
            t += vip ? dice.between(5, 28) : dice.between(20, 200);
            w.reply(t, TicketTexts.agent(chinese ? TicketTexts.AGENT_FOLLOW_ZH : TicketTexts.AGENT_FOLLOW, w.firstName(), dice));
        }
        if (dice.chance(vip ? 0.35 : 0.1)) {
            resolve(w, t, vip, chinese, mood);
        }
    }

    private void resolve(TicketWriter w, double t, boolean vip, boolean chinese, Mood mood) {
        t += dice.between(5, 60);
        w.status(t, "SOLVED");
        // VIP tickets are closed only after the customer confirms (seed 000, prohibited actions).
        boolean confirms = vip || dice.chance(0.6);
        if (confirms) {
            t += dice.between(10, 120);
            w.confirmed(t, TicketTexts.line(chinese ? TicketTexts.CONFIRMED_ZH : TicketTexts.CONFIRMED, dice), Plan.MAYBE);
            if (dice.chance(0.3)) {
                w.status(t + dice.between(30, 240), "CLOSED");
            }
        }
        if (dice.chance(0.4)) {
            w.csat(t + dice.between(20, 300), csat(vip, mood));
        }
    }

    private int csat(boolean vip, Mood mood) {
        double u = dice.uniform(0, 1);
        if (mood == Mood.FRUSTRATED || mood == Mood.CHURN) {
            return u < 0.4 ? 2 : u < 0.8 ? 3 : 4;
        }
        if (vip) {
            return u < 0.75 ? 5 : u < 0.95 ? 4 : 3;
        }
        return u < 0.5 ? 5 : u < 0.8 ? 4 : u < 0.9 ? 3 : u < 0.96 ? 2 : 1;
    }

    private String channel(boolean vip, Category category) {
        if (category == Category.API && dice.chance(0.1)) {
            return "API";
        }
        if (vip && dice.chance(0.12)) {
            return "SLACK";
        }
        return dice.weighted(List.of("EMAIL", "WEB", "CHAT", "PHONE"), new double[] {42, 27, 23, 8});
    }

    /** Minutes from creation to assignment: VIP within the 5-minute target, standard as the queue allows. */
    private double assignAfter(Tier tier, String priority) {
        if (tier != Tier.STANDARD) {
            return dice.uniform(0.5, 4.5);
        }
        // A standard queue is worked by priority: LOW tickets can wait hours, some into the next day.
        return switch (priority) {
            case "HIGH", "URGENT" -> dice.uniform(2, 25);
            case "LOW" -> dice.uniform(30, 360);
            default -> dice.uniform(5, 90);
        };
    }

    /** Minutes from assignment to first reply, inside the tier's first-response target. */
    private double firstReplyAfter(Tier tier) {
        return switch (tier) {
            case T1 -> dice.uniform(2, 9);
            case T2 -> dice.uniform(4, 22);
            case T3 -> dice.uniform(8, 45);
            case STANDARD -> dice.uniform(10, 110);
        };
    }

    private AgentRoster.SampleAgent assignee(Tier tier) {
        String pool = switch (tier) {
            // Seed 000: if the tier-1 pool is busy, overflow to any available senior (L2+) agent.
            case T1 -> dice.chance(0.1) ? AgentRoster.L2_PLUS : AgentRoster.TIER1_SENIOR;
            case T2 -> AgentRoster.L2_PLUS;
            case T3 -> AgentRoster.L1_TENURED;
            case STANDARD -> AgentRoster.GENERAL;
        };
        return dice.pick(roster.inPool(pool));
    }

    private record SampleAgentRef(String id, String firstName) {
    }

    /** Someone else in the same pool, or a senior pool for a standard ticket that needs more depth. */
    private SampleAgentRef transferTarget(Tier tier, String currentId) {
        String pool = tier == Tier.STANDARD ? AgentRoster.L2_PLUS : tier == Tier.T1 ? AgentRoster.TIER1_SENIOR
                : tier == Tier.T2 ? AgentRoster.L2_PLUS : AgentRoster.L1_TENURED;
        List<AgentRoster.SampleAgent> others = roster.inPool(pool).stream().filter(a -> !a.id().equals(currentId)).toList();
        AgentRoster.SampleAgent a = dice.pick(others);
        return new SampleAgentRef(a.id(), a.name().split(" ")[0]);
    }
}
