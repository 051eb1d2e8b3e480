package io.viplane.sample;

import io.viplane.model.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Plans the day's tickets (stories plus ordinary traffic), numbers them in creation order and writes them. */
final class TicketDay {
    static final int TICKETS = 250;
    /** Seed 000: "VIP tickets: 312 (18% of total tickets)". */
    static final double VIP_SHARE = 0.18;
    static final int FIRST_TICKET_NUMBER = 48001;

    record Written(TicketPlan plan, String ticketId) {
    }

    private TicketDay() {
    }

    static List<Written> write(StoryKit kit, Traffic traffic, Sentiments sentiments) {
        List<TicketPlan> plans = new ArrayList<>(VipStories.plans(kit));
        plans.addAll(EdgeStories.plans(kit));
        long vipStories = plans.stream().filter(p -> p.account() != null && p.accountTier() != Tier.STANDARD).count();
        int vipTarget = (int) Math.round(VIP_SHARE * TICKETS);
        plans.addAll(RandomTickets.plan(kit.dice, kit.book, kit.roster, traffic,
                TICKETS - plans.size(), vipTarget - (int) vipStories));
        // Stable sort: equal creation times keep plan order, so numbering never depends on chance ties.
        plans.sort(Comparator.comparing(TicketPlan::createdAt));
        List<Written> written = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            TicketPlan plan = plans.get(i);
            String id = "tkt-" + (FIRST_TICKET_NUMBER + i);
            plan.script().accept(new TicketWriter(plan, id, traffic, sentiments));
            written.add(new Written(plan, id));
        }
        return written;
    }
}
