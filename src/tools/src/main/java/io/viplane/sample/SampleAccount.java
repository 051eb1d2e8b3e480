package io.viplane.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.model.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One generated CRM account, mutable while the generator shapes it, then written as JSON. */
final class SampleAccount {
    final String id;
    /** The tier this account was built to earn; {@link AccountRules} re-derives it to check. */
    final Tier tier;
    /** Which criterion earns the tier (ARR band, a flag, the plan); see {@link AccountBook}. */
    final AccountBook.Basis basis;
    String name;
    String domain;
    double arr;
    String currency = "USD";
    String plan;
    LocalDate renewalDate;
    Integer healthScore;
    Double usageTrendPct;
    Integer nps;
    final List<String> flags = new ArrayList<>();
    String csmId;
    String execSponsorId;
    String zone;
    String calendar;
    LocalDate createdAt;
    Instant updatedAt;
    final List<SampleContact> contacts = new ArrayList<>();

    SampleAccount(String id, AccountBook.Basis basis) {
        this.id = id;
        this.basis = basis;
        this.tier = basis.tier;
    }

    void flag(String flag) {
        if (!flags.contains(flag)) {
            flags.add(flag);
        }
    }

    SampleContact firstWithRole(String role) {
        for (SampleContact c : contacts) {
            if (role.equals(c.role)) {
                return c;
            }
        }
        return null;
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("account_id", id);
        n.put("name", name);
        if (arr == Math.rint(arr)) {
            n.put("arr", (long) arr); // contract values are whole dollars; 540000 reads better than 540000.0
        } else {
            n.put("arr", arr);
        }
        n.put("currency", currency);
        n.put("plan", plan);
        n.put("renewal_date", renewalDate.toString());
        Json.putIfSet(n, "health_score", healthScore);
        Json.putIfSet(n, "usage_trend_pct", usageTrendPct);
        Json.putIfSet(n, "nps", nps);
        ArrayNode f = n.putArray("flags");
        flags.forEach(f::add);
        Json.putIfSet(n, "csm_id", csmId);
        Json.putIfSet(n, "exec_sponsor_id", execSponsorId);
        n.put("timezone", zone);
        Json.putIfSet(n, "calendar", calendar);
        n.put("created_at", createdAt.toString());
        n.put("updated_at", Json.instant(updatedAt));
        return n;
    }
}
