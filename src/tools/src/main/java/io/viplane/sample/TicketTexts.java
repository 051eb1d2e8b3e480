package io.viplane.sample;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What customers and agents write, in English and Simplified Chinese. Each customer line carries
 * a {@link Mood} so the sentiment score given to it matches what it says. The churn phrases and
 * their false friends mirror POLICY.md §4 ("cancel the meeting" is not churn).
 */
final class TicketTexts {
    enum Category { BILLING, SSO, API, OUTAGE, MIGRATION, HOWTO }

    enum Mood { POSITIVE, NEUTRAL, CONCERNED, FRUSTRATED, CHURN, ABUSIVE }

    record Opening(String subject, String body, String tag) {
    }

    private static final Map<Category, List<String[]>> EN = Map.of(
            Category.BILLING, List.<String[]>of(
                    new String[] {"Question about invoice {invoice}", "Hi, our latest invoice {invoice} lists {seats} seats but we only have {seats2} active users. Could you check and send a corrected invoice?"},
                    new String[] {"Charged twice for our renewal", "We were charged twice for this month's renewal (two payments of ${amount}). Please refund the duplicate payment."},
                    new String[] {"PO number on invoices", "Our finance team needs our PO number and your tax details on every invoice from now on. Who can set that up?"},
                    new String[] {"Prorated price for extra seats", "We'd like to add {n} seats mid-term. What would the prorated cost be until the renewal?"}),
            Category.SSO, List.<String[]>of(
                    new String[] {"SSO login loop", "Since this morning users are sent back to {idp} in a loop after they authenticate. The SAML assertion looks valid and nothing changed on our side."},
                    new String[] {"SCIM provisioning not creating users", "New hires added in {idp} don't show up. The SCIM log says 409 conflict for {n} users."},
                    new String[] {"Rotating the SAML signing certificate", "The signing certificate of {idp} expires next week. What's the safest way to rotate it without locking everyone out?"}),
            Category.API, List.<String[]>of(
                    new String[] {"API returning {code} errors", "Calls to {endpoint} started failing with HTTP {code} at {time} UTC. About {pct}% of requests fail, e.g. request id req_{hex}."},
                    new String[] {"429 rate limit on bulk export", "Our nightly export hits 429 Too Many Requests after about {n} calls. Can the limit be raised, or is there a bulk endpoint?"},
                    new String[] {"Webhooks arriving late", "Webhooks for record updates arrive 20 to 40 minutes late since yesterday. Our sync depends on them."},
                    new String[] {"OAuth refresh returns invalid_grant", "Refreshing the token of our integration user returns invalid_grant since {time} UTC."}),
            Category.OUTAGE, List.<String[]>of(
                    new String[] {"Production dashboards not loading", "Our production dashboards show a blank page for every user in {region}. This is blocking our operations team."},
                    new String[] {"Data sync stuck in production", "The sync from our warehouse has been stuck at {pct}% for three hours and downstream reports are stale."}),
            Category.MIGRATION, List.<String[]>of(
                    new String[] {"Import stops during data migration", "We're migrating {n}k records from our legacy system. The import stops at row {row} with 'invalid date format'."},
                    new String[] {"Attachments missing after migration", "Attachments of historical records were not carried over in migration batch {n}."}),
            Category.HOWTO, List.<String[]>of(
                    new String[] {"How do we export audit logs?", "Where can admins export the audit log for the last 12 months? Our compliance team needs it this week."},
                    new String[] {"Feature access question", "Our plan should include advanced reporting, but the menu item is greyed out for our admins."},
                    new String[] {"Read-only role for auditors", "Can we create a read-only role for our external auditors?"},
                    new String[] {"Sandbox environment", "Is there a sandbox we can use to test workflow changes before they go live?"}));

    private static final Map<Category, List<String[]>> ZH = Map.of(
            Category.BILLING, List.<String[]>of(
                    new String[] {"发票金额有误", "你好，最新发票 {invoice} 显示 {seats} 个席位，但我们实际只有 {seats2} 个活跃用户，请核对并重新开具发票。"}),
            Category.SSO, List.<String[]>of(
                    new String[] {"单点登录循环跳转", "从今天上午开始，用户在 {idp} 登录后会被不断重定向回登录页面，我们这边没有做任何更改。"}),
            Category.API, List.<String[]>of(
                    new String[] {"API 返回 {code} 错误", "调用 {endpoint} 从 UTC {time} 开始返回 HTTP {code} 错误，大约 {pct}% 的请求失败。"}),
            Category.OUTAGE, List.<String[]>of(
                    new String[] {"生产环境仪表板无法加载", "我们所有用户的生产仪表板都无法加载，严重影响了运营团队的工作。"}),
            Category.MIGRATION, List.<String[]>of(
                    new String[] {"数据迁移导入失败", "我们正在从旧系统迁移 {n} 千条记录，导入在第 {row} 行停止，提示“日期格式无效”。"}),
            Category.HOWTO, List.<String[]>of(
                    new String[] {"如何导出审计日志？", "管理员在哪里可以导出过去 12 个月的审计日志？我们的合规团队需要。"}));

    static final List<String> FRUSTRATION = List.of(
            "This keeps happening.", "This is the fourth time I report this.",
            "Honestly, we're getting really frustrated with this.", "Third time this month - we are not getting value from this.");
    static final List<String> FRUSTRATION_ZH = List.of("这个问题反复出现。", "我们非常沮丧。");
    static final List<String> CHURN = List.of(
            "We are evaluating alternatives.", "If this isn't fixed before our renewal we will not renew.",
            "We're considering downgrading to a smaller plan.", "Our executive team is asking whether we should cancel.");
    static final List<String> CHURN_ZH = List.of("我们正在评估替代方案。", "如果问题得不到解决，我们将不续约。", "我们在考虑降级。");
    /** Words that look like churn but are not (POLICY.md §4: signals are words in context). */
    static final List<String> FALSE_FRIENDS = List.of(
            "Also, please cancel the meeting we had scheduled for Thursday; we'll rebook.",
            "Please cancel ticket 4411, it was opened by mistake.",
            "To be clear, we are not planning to cancel, we just need this fixed.",
            "Could you cancel the reminder e-mails for the old invoice?");
    static final List<String> MANAGER = List.of(
            "I'd like to speak with a manager about this.", "Please escalate this to someone senior.");
    static final List<String> MANAGER_ZH = List.of("请让你们的经理联系我。");

    static final List<String> FOLLOW_UP = List.of(
            "Thanks, attached is the HAR file you asked for.", "We tried that and it still fails.",
            "Any update on this?", "Here are the request ids from this morning: req_{hex}, req_{hex}.",
            "Yes, it affects all of our admins, not just one user.");
    static final List<String> FOLLOW_UP_ZH = List.of("我们试过了，还是不行。", "请问有进展吗？", "附上您要的日志。");
    static final List<String> THANKS = List.of(
            "Thanks, that worked!", "Great, thank you for the quick help.", "Perfect, all good on our side now.");
    static final List<String> THANKS_ZH = List.of("谢谢，问题已经解决了！", "好的，现在正常了，谢谢。");
    static final List<String> CONFIRMED = List.of(
            "Confirmed, it works now. You can close the ticket.", "Yes, resolved on our side.");
    static final List<String> CONFIRMED_ZH = List.of("确认已解决，可以关闭工单。");

    static final List<String> AGENT_FIRST = List.of(
            "Hi {first}, thanks for reaching out. I'm looking into this now and will update you within the hour.",
            "Hi {first}, thanks for the details. Could you send the request ids or a HAR file so we can trace this?",
            "Hi {first}, I can see the issue on our side and have asked engineering to look at it. Next update within 30 minutes.");
    static final List<String> AGENT_FIRST_ZH = List.of(
            "{first}您好，我们已经收到您的问题，正在排查，一小时内给您回复。",
            "{first}您好，能否提供请求 ID 或日志，方便我们定位问题？");
    static final List<String> AGENT_FOLLOW = List.of(
            "Hi {first}, we found the cause and deployed a fix. Could you confirm it works on your side?",
            "Hi {first}, thanks, that helped. Engineering has a fix in review; I'll update you as soon as it's live.",
            "Hi {first}, I've corrected the configuration on our side. Please try again and let me know.");
    static final List<String> AGENT_FOLLOW_ZH = List.of("{first}您好，问题原因已找到并已修复，请确认是否正常。");
    static final List<String> NOTES = List.of(
            "Checked the logs: errors line up with the last deploy. Looping in the API team.",
            "Reproduced in staging. Bug filed with engineering.",
            "Billing: proration calculated by hand, waiting on finance to approve the credit.",
            "Customer is mid-renewal, keep the CSM in the loop.");

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private TicketTexts() {
    }

    static Opening opening(Category c, boolean chinese, Dice dice) {
        String[] t = dice.pick((chinese ? ZH : EN).get(c));
        return new Opening(fill(t[0], dice), fill(t[1], dice), c.name().toLowerCase(java.util.Locale.ROOT));
    }

    static String line(List<String> lines, Dice dice) {
        return fill(dice.pick(lines), dice);
    }

    static String agent(List<String> lines, String firstName, Dice dice) {
        return fill(dice.pick(lines).replace("{first}", firstName), dice);
    }

    /** Replaces {slot}s with plausible values; each slot draws its own value. */
    static String fill(String template, Dice dice) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), dice)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String slot, Dice dice) {
        return switch (slot) {
            case "invoice" -> "INV-" + dice.between(20000, 29999);
            case "seats" -> String.valueOf(dice.between(60, 400));
            case "seats2" -> String.valueOf(dice.between(20, 59));
            case "amount" -> String.format(java.util.Locale.ROOT, "%,d.00", dice.between(400, 9000));
            case "idp" -> dice.pick("our SAML identity provider", "our OIDC provider", "the corporate IdP");
            case "endpoint" -> dice.pick("/v2/records", "/v2/exports", "/v1/webhooks", "/v2/payments/authorize", "/v2/search");
            case "code" -> dice.pick("500", "502", "503", "401");
            case "pct" -> String.valueOf(dice.between(5, 60));
            case "n" -> String.valueOf(dice.between(3, 250));
            case "row" -> String.valueOf(dice.between(1200, 98000));
            case "hex" -> Integer.toHexString(dice.between(0x100000, 0xffffff));
            case "time" -> String.format(java.util.Locale.ROOT, "%02d:%02d", dice.between(0, 23), dice.between(0, 59));
            case "region" -> dice.pick("the EU region", "our US-East workspace", "APAC");
            default -> throw new IllegalArgumentException("unknown text slot {" + slot + "}");
        };
    }
}
