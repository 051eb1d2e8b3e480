package io.viplane.notify.channel;

import io.viplane.notify.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words every card shows, shared by Slack, Teams and the digest so the channels agree: a title,
 * the summary, labelled facts (tier, priority, target, SLA time left, account figures) and the
 * evidence lines. Only fields of the notice, which carry no personal data.
 */
public final class CardFacts {
    private CardFacts() {
    }

    public static String title(Notice n) {
        String tier = n.tier() == null ? "" : n.tier() + (n.badge() == null ? "" : " " + n.badge()) + " · ";
        return switch (n.source()) {
            case AT_RISK -> "Account at risk: " + n.riskLevel() + " (" + n.riskScore() + "/100)";
            case NEW_VIP_TICKET -> tier + "new VIP ticket" + (n.priority() == null ? "" : " · " + n.priority());
            case RESOLVE -> "Resolved: " + n.summary();
            case ESCALATION -> tier + humanKind(n.kind());
        };
    }

    public static String humanKind(String kind) {
        String s = kind.toLowerCase(Locale.ROOT).replace('_', ' ');
        return s.replace("sla ", "SLA ").replace("csm ", "CSM ").replace("vip ", "VIP ");
    }

    /** Ordered label → value; absent facts are left out. */
    public static Map<String, String> facts(Notice n, Instant now) {
        Map<String, String> f = new LinkedHashMap<>();
        if (n.ticketId() != null) {
            f.put("Ticket", n.ticketId());
        }
        if (n.tier() != null) {
            f.put("Tier", n.tier() + (n.badge() == null ? "" : " " + n.badge()));
        }
        if (n.priority() != null) {
            f.put("Priority", n.priority());
        }
        if (n.target() != null) {
            f.put("Who acts", n.target());
        }
        if (n.respondWithinMinutes() != null && n.respondWithinMinutes() > 0) {
            f.put("Respond within", n.respondWithinMinutes() + " min");
        }
        if (n.slaDueAt() != null) {
            f.put("SLA", timeLeft(n.slaDueAt(), now));
        }
        String account = account(n);
        if (!account.isEmpty()) {
            f.put("Account", account);
        }
        if (n.recommendedAction() != null) {
            f.put("Recommended action", n.recommendedAction());
        }
        return f;
    }

    /** "due in 4 min" / "overdue by 3 min" / "due now". */
    public static String timeLeft(Instant due, Instant now) {
        long minutes = Duration.between(now, due).toMinutes();
        if (minutes > 0) {
            return "due in " + minutes + " min (" + due + ")";
        }
        if (minutes < 0) {
            return "overdue by " + (-minutes) + " min (" + due + ")";
        }
        return "due now (" + due + ")";
    }

    private static String account(Notice n) {
        List<String> parts = new ArrayList<>();
        if (n.accountId() != null) {
            parts.add(n.accountId());
        }
        if (n.arr() != null) {
            parts.add(String.format(Locale.ROOT, "ARR %,.0f", n.arr()));
        }
        if (n.daysToRenewal() != null) {
            parts.add("renewal in " + n.daysToRenewal() + " d");
        }
        if (n.healthScore() != null) {
            parts.add("health " + n.healthScore());
        }
        if (n.churnRisk() != null) {
            parts.add("churn risk " + n.churnRisk());
        }
        return String.join(" · ", parts);
    }

    /** One line for digests and fallback text: "[T1] SLA breach tkt-1: summary". */
    public static String oneLine(Notice n) {
        String where = n.ticketId() != null ? n.ticketId() : n.accountId();
        String head = n.source() == Notice.Source.AT_RISK ? "[" + n.riskLevel() + "] at-risk " + where
                : "[" + n.tier() + "] " + humanKind(n.kind()) + " " + where;
        return head + ": " + n.summary();
    }
}
