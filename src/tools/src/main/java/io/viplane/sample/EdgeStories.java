package io.viplane.sample;

import static io.viplane.sample.StoryKit.contact;
import static io.viplane.sample.StoryKit.story;
import static io.viplane.sample.StoryKit.stranger;

import io.viplane.sample.Sentiments.Plan;
import io.viplane.sample.TicketTexts.Mood;
import io.viplane.model.Tier;
import java.util.List;

/**
 * Tickets that exercise the edges of the policy rather than an account: churn false friends,
 * requesters the CRM does not know, an executive on a personal address, the protocol's prohibited
 * actions (transfer without handoff, closing without confirmation, slow T1 acknowledgement), an
 * abusive customer and the fairness cases for standard customers.
 */
final class EdgeStories {
    static final String FALSE_FRIEND_MEETING = "false-friend-cancel-the-meeting";
    static final String FALSE_FRIEND_TICKET = "false-friend-cancel-ticket-4411";
    static final String FALSE_FRIEND_NOT_CANCEL = "false-friend-not-planning-to-cancel";
    static final String MANAGER_REQUEST = "t3-asks-for-a-manager";
    static final String EXEC_PERSONAL_EMAIL = "executive-personal-email";
    static final String NO_ACCOUNT_PROSPECT = "no-account-prospect";
    static final String NO_ACCOUNT_UNKNOWN = "no-account-unknown-requester";
    static final String STANDARD_EXEC = "standard-account-founder-writes";
    static final String FOURTH_TIME = "standard-fourth-time-frustrated";
    static final String ABUSIVE = "t2-abusive-customer";
    static final String NO_HANDOFF = "t2-transfer-without-warm-handoff";
    static final String NO_CONFIRMATION = "t3-closed-without-confirmation";
    static final String SLOW_T1 = "t1-slow-assignment-and-first-response";
    static final String UNASSIGNED_HIGH = "standard-high-unassigned-52-min";

    /** Personal mailbox of the T1 executive (see {@link ContactBook#PERSONAL_MAIL_LAST}). */
    static final String PERSONAL_EMAIL = "hstroud.home@gmail.example";

    private EdgeStories() {
    }

    static List<TicketPlan> plans(StoryKit k) {
        return List.of(cancelMeeting(k), cancelTicket(k), notPlanningToCancel(k), managerRequest(k),
                personalEmail(k), prospect(k), unknownRequester(k), founderWrites(k), fourthTime(k), abusive(k),
                noHandoff(k), noConfirmation(k), slowT1(k), unassignedHigh(k));
    }

    private static TicketPlan cancelMeeting(StoryKit k) {
        SampleAccount a = k.borrow(Tier.T1);
        return story(FALSE_FRIEND_MEETING, "T1 customer asks to \"cancel the meeting\": not a churn signal",
                k.utc(12, 10), a, contact(a, "MANAGER"), w -> {
                    w.created("LOW", "EMAIL", "Quarterly review next week",
                            "Hi team, please cancel the meeting we had scheduled for Thursday; our CFO is travelling. "
                                    + "Could you propose two new slots next week? Everything else is running smoothly.",
                            Mood.POSITIVE, Plan.ALWAYS, List.of("meeting"));
                    w.assigned(3, k.agent("Maria"));
                    w.reply(10, "Hi " + w.firstName() + ", done, the meeting is cancelled. How about Tuesday 10:00 or Wednesday 15:00?");
                    w.status(20, "SOLVED");
                    w.confirmed(45, "Tuesday works, thanks!", Plan.MAYBE);
                    w.status(60, "CLOSED");
                    w.csat(90, 5);
                });
    }

    private static TicketPlan cancelTicket(StoryKit k) {
        SampleAccount a = k.borrow(Tier.T2);
        return story(FALSE_FRIEND_TICKET, "T2 customer writes \"please cancel ticket 4411\": not a churn signal",
                k.utc(16, 2), a, contact(a, "END_USER"), w -> {
                    w.created("NORMAL", "WEB", "Duplicate of my earlier request",
                            "Please cancel ticket 4411, it was opened by mistake. The real question is in this one: how do "
                                    + "we add a second billing contact?",
                            Mood.NEUTRAL, Plan.ALWAYS, List.of("billing"));
                    w.assigned(4, k.agent("Hannah"));
                    w.reply(20, "Hi " + w.firstName() + ", 4411 is closed. You can add a billing contact under Settings > Billing.");
                    w.status(25, "SOLVED");
                    w.confirmed(60, "Found it, thanks.", Plan.MAYBE);
                });
    }

    private static TicketPlan notPlanningToCancel(StoryKit k) {
        SampleAccount a = k.borrow(Tier.STANDARD);
        return story(FALSE_FRIEND_NOT_CANCEL, "Standard customer: \"we are not planning to cancel\" (negated, not churn)",
                k.utc(19, 40), a, contact(a, "END_USER"), w -> {
                    w.created("NORMAL", "EMAIL", "Invoice reminders after payment",
                            "We paid invoice INV-24410 last week but still get payment reminders. To be clear, we are not "
                                    + "planning to cancel, we just need the reminders to stop.",
                            Mood.NEUTRAL, Plan.ALWAYS, List.of("billing"));
                    w.assigned(25, k.anyIn(AgentRoster.GENERAL));
                    w.reply(70, "Hi " + w.firstName() + ", the payment was matched and the reminders are stopped. Sorry for the noise!");
                });
    }

    private static TicketPlan managerRequest(StoryKit k) {
        SampleAccount a = k.borrow(Tier.T3);
        return story(MANAGER_REQUEST, "T3 customer asks for a manager; agent transfers to a team lead with a warm handoff",
                k.utc(13, 15), a, contact(a, "MANAGER"), w -> {
                    w.created("HIGH", "PHONE", "CSV exports broken for the second week",
                            "CSV exports have been broken for two weeks and nobody has given us a date. I'd like to speak "
                                    + "with a manager about this.",
                            Mood.FRUSTRATED, Plan.ALWAYS, List.of("reporting"));
                    w.assigned(4, k.anyIn(AgentRoster.L1_TENURED));
                    w.reply(30, "Hi " + w.firstName() + ", I understand. I'm bringing in my team lead, Daniel Osei, who will "
                            + "call you within the hour.");
                    w.transferred(35, k.agent("Daniel"), true, "Introduced Daniel by name on the call; customer asked for a manager.");
                    w.reply(50, "Hi " + w.firstName() + ", Daniel here. Engineering has a fix scheduled for tomorrow; "
                            + "I'll call you once it's deployed.");
                });
    }

    private static TicketPlan personalEmail(StoryKit k) {
        SampleAccount owner = k.book.story(StoryAccounts.AT_RISK_USAGE);
        String name = contact(owner, "C_LEVEL").name();
        return stranger(EXEC_PERSONAL_EMAIL, "A T1 account's CEO (" + owner.name + ") writes from a personal address: "
                        + "no account_id, name matches an executive contact",
                k.utc(7, 45), PERSONAL_EMAIL, name, w -> {
                    w.created("HIGH", "EMAIL", "Locked out of the admin console",
                            "Writing from my personal address as I'm travelling. I can't get into the admin console with "
                                    + "my work login since this morning and need to approve a change today. Can someone help quickly?",
                            Mood.CONCERNED, Plan.MAYBE, List.of("login"));
                    w.assigned(12, k.anyIn(AgentRoster.GENERAL));
                    w.reply(35, "Hi " + w.firstName() + ", happy to help. To protect your account, could you tell us which "
                            + "company workspace this is about, or reply from your work address?");
                    w.status(36, "PENDING");
                });
    }

    private static TicketPlan prospect(StoryKit k) {
        return stranger(NO_ACCOUNT_PROSPECT, "Unknown requester (no account_id): pricing question from a prospect",
                k.utc(15, 55), "rowan.tisdale@brightlane-partners.example", "Rowan Tisdale", w -> {
                    w.created("LOW", "WEB", "Pricing for about 200 seats",
                            "Could someone send pricing for the Premium plan for about 200 seats? We'd start next quarter.",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("sales"));
                    w.assigned(30, k.anyIn(AgentRoster.GENERAL));
                    w.reply(90, "Hi Rowan, thanks for your interest! I've passed this to our sales team, who will reach out today.");
                });
    }

    private static TicketPlan unknownRequester(StoryKit k) {
        return stranger(NO_ACCOUNT_UNKNOWN, "Unknown requester (no account_id): password reset, workspace unknown",
                k.utc(5, 20), "tamsin.greaves@mailbox.example", "Tamsin Greaves", w -> {
                    w.created("NORMAL", "WEB", "Can't reset my password",
                            "The password reset e-mail never arrives. I'm not sure which workspace my company uses.",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("login"));
                    w.assigned(40, k.anyIn(AgentRoster.GENERAL));
                    w.reply(75, "Hi Tamsin, could you tell us your company's name so we can find the right workspace?");
                    w.status(76, "PENDING");
                });
    }

    private static TicketPlan founderWrites(StoryKit k) {
        SampleAccount a = k.book.all.stream()
                .filter(x -> x.tier == Tier.STANDARD && x.firstWithRole("C_LEVEL") != null)
                .findFirst().orElseThrow();
        return story(STANDARD_EXEC, "Standard account, but the founder/CEO writes: T1 by contact role C_LEVEL",
                k.utc(13, 40), a, a.firstWithRole("C_LEVEL"), w -> {
                    w.created("NORMAL", "EMAIL", "Question on our plan limits",
                            "Hi, I run a 12-person team on your Growth plan. We've hit the workflow limit; what are our options?",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("billing"));
                    w.assigned(3, k.agent("Tom"));
                    w.reply(12, "Hi " + w.firstName() + ", thanks for reaching out. I've raised your limit for 30 days so "
                            + "nothing is blocked while we look at the right plan together.");
                    w.status(40, "SOLVED");
                    w.confirmed(70, "That's great, thank you.", Plan.MAYBE);
                    w.csat(95, 5);
                });
    }

    private static TicketPlan fourthTime(StoryKit k) {
        SampleAccount a = k.borrow(Tier.STANDARD);
        return story(FOURTH_TIME, "Standard customer, \"fourth time I report this\", shorter and angrier follow-up: "
                        + "fairness escalation for a non-VIP",
                k.utc(11, 40), a, contact(a, "END_USER"), w -> {
                    w.created("NORMAL", "WEB", "Calendar sync failing AGAIN",
                            "The calendar sync failed again overnight. This is the fourth time I report this and every "
                                    + "time I get the same canned answer.",
                            Mood.FRUSTRATED, Plan.ALWAYS, List.of("integrations"));
                    w.assigned(40, k.anyIn(AgentRoster.GENERAL));
                    w.reply(95, "Hi " + w.firstName() + ", sorry for the trouble. Could you reconnect the calendar under "
                            + "Settings > Integrations?");
                    w.message(150, "Same answer as last time. This keeps happening.", Mood.FRUSTRATED, Plan.ALWAYS, null);
                    w.reply(180, "You're right, reconnecting isn't a fix. I've escalated this to engineering with your history.");
                });
    }

    private static TicketPlan abusive(StoryKit k) {
        SampleAccount a = k.borrow(Tier.T2);
        return story(ABUSIVE, "T2 customer insults the agent; FLAGGED_ABUSIVE for manager review",
                k.utc(18, 10), a, contact(a, "END_USER"), w -> {
                    w.created("HIGH", "CHAT", "Export still broken", "The export is still broken.",
                            Mood.FRUSTRATED, Plan.MAYBE, List.of("reporting"));
                    w.assigned(2, k.agent("Ben"));
                    w.reply(9, "Hi " + w.firstName() + ", I'm sorry to hear that. Which export and which workspace is it?");
                    w.message(15, "Are you people completely incompetent? Fix it now or I'll make sure everyone knows how "
                            + "useless you are.", Mood.ABUSIVE, Plan.ALWAYS, null);
                    w.abusive(18, "Customer insulted the agent repeatedly in chat. Flagged for manager review.");
                });
    }

    private static TicketPlan noHandoff(StoryKit k) {
        SampleAccount a = k.borrow(Tier.T2);
        return story(NO_HANDOFF, "T2 ticket transferred without a warm handoff (prohibited for VIPs)",
                k.utc(9, 50), a, contact(a, "MANAGER"), w -> {
                    w.created("NORMAL", "EMAIL", "Refund for unused seats",
                            "We reduced our team by 15 people last month. Can we get a credit for the unused seats?",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("billing"));
                    w.assigned(3, k.agent("Nadia"));
                    w.reply(15, "Hi " + w.firstName() + ", thanks, I'll check this for you.");
                    w.transferred(25, k.agent("Jonas"), false, "Moving to billing.");
                    w.message(120, "Who is handling this now? I got a reply from someone new with no context.",
                            Mood.FRUSTRATED, Plan.MAYBE, null);
                    w.reply(131, "Hi " + w.firstName() + ", apologies, I'm Jonas from billing and I now own your request. "
                            + "The credit will be on your next invoice.");
                });
    }

    private static TicketPlan noConfirmation(StoryKit k) {
        SampleAccount a = k.borrow(Tier.T3);
        return story(NO_CONFIRMATION, "T3 ticket solved and closed without the customer's confirmation (prohibited for VIPs)",
                k.utc(8, 20), a, contact(a, "MANAGER"), w -> {
                    w.created("LOW", "WEB", "Change our billing e-mail address",
                            "Please change our billing contact to accounts@" + a.domain + ".",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("billing"));
                    w.assigned(4, k.anyIn(AgentRoster.L1_TENURED));
                    w.reply(25, "Hi " + w.firstName() + ", done: invoices will go to the new address from now on.");
                    w.status(26, "SOLVED");
                    w.status(28, "CLOSED");
                });
    }

    private static TicketPlan slowT1(StoryKit k) {
        SampleAccount a = k.borrow(Tier.T1);
        return story(SLOW_T1, "T1 ticket assigned after 9 min (target 5) and first reply after 22 min (target 15)",
                k.utc(20, 5), a, contact(a, "DIRECTOR"), w -> {
                    w.created("HIGH", "EMAIL", "Users can't upload files",
                            "Since 19:30 UTC uploads fail with 'request entity too large' for files above 5 MB. This blocks "
                                    + "our legal team.",
                            Mood.CONCERNED, Plan.MAYBE, List.of("uploads"));
                    w.assigned(9, k.agent("Maria"));
                    w.reply(22, "Hi " + w.firstName() + ", apologies for the wait. A proxy limit was lowered by mistake; "
                            + "it's being restored now.");
                    w.status(70, "SOLVED");
                    w.confirmed(95, "Uploads work again, thanks.", Plan.MAYBE);
                    w.csat(110, 4);
                });
    }

    private static TicketPlan unassignedHigh(StoryKit k) {
        SampleAccount a = k.borrow(Tier.STANDARD);
        return story(UNASSIGNED_HIGH, "Standard HIGH ticket left unassigned for 52 minutes (> 30: management alert)",
                k.utc(6, 10), a, contact(a, "END_USER"), w -> {
                    w.created("HIGH", "EMAIL", "All users logged out, can't log back in",
                            "Every user in our workspace got logged out and login fails with 'session invalid'. We can't work.",
                            Mood.CONCERNED, Plan.MAYBE, List.of("login"));
                    w.assigned(52, k.anyIn(AgentRoster.GENERAL));
                    w.reply(64, "Hi " + w.firstName() + ", sorry for the wait. Sessions were reset by a faulty config push; "
                            + "logins work again.");
                    w.status(110, "SOLVED");
                });
    }
}
