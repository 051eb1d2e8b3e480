package io.viplane.sample;

import static io.viplane.sample.StoryKit.contact;
import static io.viplane.sample.StoryKit.story;

import io.viplane.sample.Sentiments.Plan;
import io.viplane.sample.TicketTexts.Mood;
import java.util.List;

/**
 * The seed's VIP stories as tickets: its active-ticket board (API outage, data migration, SSO,
 * the $12 billing question), its at-risk accounts (usage decline, three unresolved tickets,
 * competitor mention) and the T1 customer "evaluating alternatives".
 */
final class VipStories {
    static final String API_OUTAGE = "t1-api-outage-production";
    static final String DATA_MIGRATION = "t1-data-migration-unresolved";
    static final String CHURN_T1 = "t1-churn-evaluating-alternatives";
    static final String AT_RISK_USAGE = "t1-at-risk-usage-decline";
    static final String SSO = "t2-sso-configuration";
    static final String BILLING_12 = "t2-billing-12-dollars-friday-1647";
    static final String UNRESOLVED_1 = "t2-unresolved-1-of-3";
    static final String UNRESOLVED_2 = "t2-unresolved-2-of-3";
    static final String UNRESOLVED_3 = "t2-unresolved-3-of-3";
    static final String COMPETITOR = "t2-competitor-mention";
    static final String CHINESE_CHURN = "t2-chinese-churn";
    static final String LATE_ACCOUNT = "t2-account-arrives-after-ticket";
    static final String BOUNDARY_500K = "t2-arr-exactly-500k";
    static final String FEATURE_ACCESS = "t3-feature-access";

    private VipStories() {
    }

    static List<TicketPlan> plans(StoryKit k) {
        return List.of(apiOutage(k), dataMigration(k), churn(k), usageDecline(k), sso(k), billing12(k),
                unresolved1(k), unresolved2(k), unresolved3(k), competitor(k), chineseChurn(k), lateAccount(k),
                boundary500k(k), featureAccess(k));
    }

    private static TicketPlan apiOutage(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.API_OUTAGE);
        return story(API_OUTAGE, "T1 API outage hitting revenue (seed: Globex); resolved with confirmation and CSAT 5",
                k.utc(14, 21), a, contact(a, "DIRECTOR"), w -> {
                    w.created("URGENT", "CHAT", "Checkout API returning 502 in production",
                            "Our checkout calls to /v2/payments/authorize return HTTP 502 since 14:05 UTC. Roughly 30% of "
                                    + "customer payments are failing in production right now and it is directly hitting revenue.",
                            Mood.CONCERNED, Plan.ALWAYS, List.of("api", "outage", "production"));
                    w.assigned(2, k.agent("Sarah"));
                    w.reply(7.5, "Hi " + w.firstName() + ", I'm on it with our payments team and have opened an incident. "
                            + "Next update in 15 minutes at the latest.");
                    w.note(12, "Incident INC-2291: gateway connection pool exhausted after today's deploy. Revenue-affecting, support VP informed.");
                    w.message(31, "Still failing for about a third of our checkouts. Every minute of this costs us sales.",
                            Mood.FRUSTRATED, Plan.ALWAYS, null);
                    w.reply(38, "Understood. The rollback is deploying now; I'll stay on this chat until it's confirmed.");
                    w.reply(62, "The error rate has been back to normal since 15:20 UTC. Could you confirm on your side?");
                    w.status(75, "SOLVED");
                    w.confirmed(96, "Confirmed, checkout is healthy again. Thanks for the fast turnaround.", Plan.ALWAYS);
                    w.status(110, "CLOSED");
                    w.csat(130, 5);
                });
    }

    private static TicketPlan dataMigration(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.DATA_MIGRATION);
        return story(DATA_MIGRATION, "T1 strategic partner (flag, not ARR) with a data migration issue still open "
                        + "after 2 hours, on hold with engineering (seed: Wayne Ent)",
                k.utc(9, 10), a, contact(a, "MANAGER"), w -> {
                    w.created("HIGH", "EMAIL", "Data migration: historical records missing after batch 7",
                            "Batch 7 of our migration finished, but about 12,400 historical records from 2019-2021 are "
                                    + "missing in the new workspace. Our finance close depends on them next week.",
                            Mood.CONCERNED, Plan.MAYBE, List.of("migration"));
                    w.assigned(3, k.agent("Tom"));
                    w.reply(13, "Hi " + w.firstName() + ", thanks for flagging this. I'm comparing the batch manifests "
                            + "with our import logs and will update you within the hour.");
                    w.message(85, "Any update? Our controller is asking.", Mood.NEUTRAL, Plan.MAYBE, null);
                    w.reply(97, "We found it: a date-format mapping drops records with two-digit years. Engineering is "
                            + "preparing a re-import of the affected rows.");
                    w.note(100, "Engineering ticket MIG-812, re-import ETA tomorrow. Waiting on engineering.");
                    w.status(101, "ON_HOLD");
                });
    }

    private static TicketPlan churn(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.CHURN_T1);
        return story(CHURN_T1, "T1 $540K account, renewal in 28 days, VP writes \"we are evaluating alternatives\" "
                        + "and asks for the VP of Support",
                k.utc(15, 12), a, contact(a, "VP"), w -> {
                    w.created("HIGH", "EMAIL", "Scheduled report exports failing again",
                            "Our scheduled report exports failed again last night, the third time this quarter. My team "
                                    + "is losing confidence. We are evaluating alternatives ahead of our renewal next month.",
                            Mood.CHURN, Plan.ALWAYS, List.of("reporting"));
                    w.assigned(2, k.agent("Lisa"));
                    w.reply(9, "Hi " + w.firstName() + ", I'm sorry this happened again. I've taken ownership personally "
                            + "and will send you a root cause and a fix plan today.");
                    w.note(12, "Renewal in 28 days. Looping in the CSM and the executive sponsor.");
                    w.message(88, "Frankly, our leadership has run out of patience. I'd like a call with your head of "
                            + "support this week.", Mood.FRUSTRATED, Plan.ALWAYS, null);
                    w.reply(96, "Absolutely. Our support leadership will call you tomorrow morning; I'll send an invite "
                            + "with the root cause attached.");
                });
    }

    private static TicketPlan usageDecline(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.AT_RISK_USAGE);
        return story(AT_RISK_USAGE, "T1 at-risk account (health 62, usage -25%): team stopped using dashboards "
                        + "(seed: Stark Ind)",
                k.utc(17, 30), a, contact(a, "MANAGER"), w -> {
                    w.created("NORMAL", "WEB", "Dashboards too slow, team has stopped using them",
                            "Since the last release our main dashboards take over a minute to load. Most of the team has "
                                    + "gone back to spreadsheets; honestly we are not getting value from the product at the moment.",
                            Mood.FRUSTRATED, Plan.ALWAYS, List.of("performance"));
                    w.assigned(3, k.agent("Alex"));
                    w.reply(11, "Hi " + w.firstName() + ", thank you for telling us. Could you share which dashboards are "
                            + "slowest? I'll have our performance team profile them today.");
                    w.status(11.5, "PENDING");
                });
    }

    private static TicketPlan sso(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.SSO);
        return story(SSO, "T2 by flag MULTI_DEPARTMENT ($85K ARR): SSO configuration, pending on the customer, "
                        + "then solved (seed: ACME)",
                k.utc(11, 5), a, contact(a, "MANAGER"), w -> {
                    w.created("NORMAL", "WEB", "SSO configuration for our second business unit",
                            "We're rolling out SSO to our logistics division. After adding their domain, users from it "
                                    + "get 'user not assigned' errors. Can you check our SSO configuration?",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("sso"));
                    w.assigned(3, k.agent("Hannah"));
                    w.reply(21, "Hi " + w.firstName() + ", could you send a SAML trace from one of the affected users?");
                    w.status(21.5, "PENDING");
                    w.message(95, "Here's the SAML trace. The domain is verified on our side.", Mood.NEUTRAL, Plan.MAYBE, "OPEN");
                    w.reply(110, "Thanks! The new domain wasn't mapped to your SSO connection. I've added it; please try again.");
                    w.status(140, "SOLVED");
                    w.confirmed(165, "Works for the logistics team now, thank you.", Plan.MAYBE);
                    w.csat(200, 5);
                });
    }

    private static TicketPlan billing12(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.BILLING_12);
        return story(BILLING_12, "T2 $380K account, P3 billing question about a $12 discrepancy sent "
                        + k.day.getDayOfWeek() + " 16:47 local (New York): the business-hours clock has 13 minutes left today",
                k.local(a, 16, 47), a, contact(a, "MANAGER"), w -> {
                    w.created("NORMAL", "EMAIL", "Billing question: $12 difference on invoice INV-20931",
                            "Hi, our latest invoice INV-20931 is $12.00 higher than the amount in our order form. Could you "
                                    + "explain the difference? Not urgent, we just want to reconcile before month end.",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("billing"));
                    w.assigned(6, k.agent("Jonas"));
                    w.note(9, "The $12 is a prorated seat added mid-cycle. Will confirm with finance on the next business day.");
                });
    }

    private static TicketPlan unresolved1(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.UNRESOLVED);
        return story(UNRESOLVED_1, "T2 at-risk account (health 58), first of 3 unresolved tickets: on hold with engineering "
                        + "(seed: Cyberdyne)",
                k.utc(2, 15), a, contact(a, "END_USER"), w -> {
                    w.created("HIGH", "API", "Intermittent 500 errors on /v2/records",
                            "About 8% of calls to /v2/records return HTTP 500 since yesterday evening, e.g. request id req_4be1a9.",
                            Mood.CONCERNED, Plan.MAYBE, List.of("api"));
                    w.assigned(4, k.agent("Wei"));
                    w.reply(19, "Hi " + w.firstName() + ", I can reproduce it and have raised it with engineering (ENG-4410).");
                    w.status(41, "ON_HOLD");
                });
    }

    private static TicketPlan unresolved2(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.UNRESOLVED);
        return story(UNRESOLVED_2, "T2 at-risk account, second of 3 unresolved tickets: SCIM provisioning",
                k.utc(8, 40), a, contact(a, "DIRECTOR"), w -> {
                    w.created("NORMAL", "EMAIL", "SCIM provisioning not creating users",
                            "New hires added in our identity provider don't show up. The SCIM log says 409 conflict for 14 users.",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("sso"));
                    w.assigned(3, k.agent("Rachel"));
                    w.reply(25, "Hi " + w.firstName() + ", could you export the SCIM log for one of those users?");
                    w.status(26, "PENDING");
                    w.message(130, "Attached the SCIM logs.", Mood.NEUTRAL, Plan.MAYBE, "OPEN");
                    w.reply(150, "Thanks. The conflicts come from deactivated users with the same e-mail; I'm checking "
                            + "with engineering how to merge them safely.");
                });
    }

    private static TicketPlan unresolved3(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.UNRESOLVED);
        return story(UNRESOLVED_3, "T2 at-risk account, third of 3 unresolved tickets: \"this keeps happening\"",
                k.utc(13, 5), a, contact(a, "MANAGER"), w -> {
                    w.created("HIGH", "SLACK", "Webhooks delayed again",
                            "Webhooks for record updates are arriving 30+ minutes late again. This keeps happening.",
                            Mood.FRUSTRATED, Plan.ALWAYS, List.of("api"));
                    w.assigned(2, k.agent("Marcus"));
                    w.reply(14, "Hi " + w.firstName() + ", I see the backlog on our side and I'm on it together with the "
                            + "other two open issues of your team.");
                });
    }

    private static TicketPlan competitor(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.COMPETITOR);
        return story(COMPETITOR, "T2 at-risk account (health 55) mentions competitor \"Kestrel Desk\" (seed: Oscorp)",
                k.utc(10, 20), a, contact(a, "DIRECTOR"), w -> {
                    w.created("NORMAL", "EMAIL", "Audit log export for compliance",
                            "We need to export 12 months of audit logs for our GxP audit. Kestrel Desk showed us this out "
                                    + "of the box last week and offered to migrate us for free, so I need to tell my director "
                                    + "whether your product can do it.",
                            Mood.CONCERNED, Plan.ALWAYS, List.of("compliance"));
                    w.assigned(3, k.agent("Jonas"));
                    w.reply(17, "Hi " + w.firstName() + ", yes: admins can export the full audit log under Settings > "
                            + "Security. Would a walkthrough call with your director help?");
                    w.status(17.5, "PENDING");
                });
    }

    private static TicketPlan chineseChurn(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.CHINESE);
        return story(CHINESE_CHURN, "T2 Shanghai account writes in Chinese: recurring problem, evaluating alternatives, "
                        + "executive team asking",
                k.utc(3, 30), a, contact(a, "MANAGER"), w -> {
                    w.created("HIGH", "WEB", "API 返回 500 错误",
                            "调用 /v2/exports 从今天上午开始一直返回 HTTP 500 错误。这个问题反复出现。我们正在评估替代方案。",
                            Mood.CHURN, Plan.ALWAYS, List.of("api", "lang:zh"));
                    w.assigned(3, k.agent("Wei"));
                    w.reply(12, w.firstName() + "您好，我们已经定位到导出服务的问题，正在修复，一小时内给您回复。");
                    w.message(70, "请问有进展吗？我们的高管团队在问这个问题。", Mood.FRUSTRATED, Plan.ALWAYS, null);
                    w.reply(80, w.firstName() + "您好，修复已经上线，请您再试一次并告诉我们结果。");
                });
    }

    private static TicketPlan lateAccount(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.LATE);
        return story(LATE_ACCOUNT, "New T2 customer (created today): its crm.accounts record is published after "
                        + "the ticket's first event, so the ticket is re-routed when the account arrives",
                k.utc(10, 5), a, contact(a, "MANAGER"), w -> {
                    w.created("HIGH", "EMAIL", "Onboarding: SSO setup for our new workspace",
                            "We signed last week and our workspace went live today. We need SSO working before 200 people "
                                    + "log in on Monday.",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("sso", "onboarding"));
                    w.assigned(3, k.agent("Omar"));
                    w.reply(18, "Hi " + w.firstName() + ", welcome aboard! I'll walk you through SSO setup; could we do a "
                            + "20-minute call today?");
                });
    }

    private static TicketPlan boundary500k(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.BOUNDARY_500K);
        return story(BOUNDARY_500K, "ARR exactly $500,000: T2 (T1 needs more than $500K)",
                k.utc(14, 50), a, contact(a, "MANAGER"), w -> {
                    w.created("NORMAL", "EMAIL", "Adding seats before renewal",
                            "We'd like to add 40 seats before our renewal. Can you send a quote?",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("billing"));
                    w.assigned(4, k.agent("Hannah"));
                    w.reply(18, "Hi " + w.firstName() + ", happy to help. I've asked your account manager for the quote.");
                });
    }

    private static TicketPlan featureAccess(StoryKit k) {
        SampleAccount a = k.book.story(StoryAccounts.FEATURE_ACCESS);
        return story(FEATURE_ACCESS, "T3 by plan PREMIUM ($38K ARR): feature access question (seed: Upton)",
                k.utc(18, 45), a, contact(a, "MANAGER"), w -> {
                    w.created("LOW", "WEB", "Feature access question",
                            "Our plan should include advanced reporting, but the menu item is greyed out for our admins.",
                            Mood.NEUTRAL, Plan.MAYBE, List.of("howto"));
                    w.assigned(4, k.anyIn(AgentRoster.L1_TENURED));
                    w.reply(40, "Hi " + w.firstName() + ", advanced reporting has to be enabled per workspace. I've switched "
                            + "it on; it may take a few minutes to appear.");
                    w.note(42, "Entitlement sync missed this account after the plan change.");
                });
    }
}
