package io.viplane.policy;

import io.viplane.model.PriorityLevel;
import io.viplane.model.RiskLevel;
import io.viplane.model.Tier;
import io.viplane.model.TicketPriority;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Semantic checks Jackson cannot do: completeness, ordering and sane numbers. */
final class PolicyValidator {
    private final String file;

    private PolicyValidator(String file) {
        this.file = file;
    }

    static void validate(Policy p, String file) {
        new PolicyValidator(file).check(p);
    }

    private void check(Policy p) {
        require(p.name() != null && !p.name().isBlank(), "name", "is required");
        require(p.defaults() != null, "defaults", "is required");
        try {
            ZoneId.of(p.defaults().timezone());
        } catch (DateTimeException | NullPointerException e) {
            fail("defaults.timezone", "not an IANA time zone");
        }
        require(p.defaults().recentTicketsDays() > 0, "defaults.recent_tickets_days", "must be > 0");
        require(p.defaults().onboardingDays() >= 0, "defaults.onboarding_days", "must be >= 0");
        checkTiers(p);
        checkEntitlements(p);
        require(p.priorityMap() != null, "priority_map", "is required");
        for (TicketPriority tp : TicketPriority.values()) {
            require(p.priorityMap().get(tp) != null, "priority_map." + tp, "is missing");
        }
        checkScoring(p.priorityScore());
        checkDocument(p.document());
        for (int i = 0; i < p.slaOverrides().size(); i++) {
            SlaOverride o = p.slaOverrides().get(i);
            String path = "sla_overrides[" + i + "]";
            require(o.firstResponseMinutes() > 0, path + ".first_response_minutes", "must be > 0");
            require(!o.tiers().isEmpty(), path + ".tiers", "must name at least one tier");
            require(o.renewalWithinDays() == null || o.renewalWithinDays() >= 0,
                    path + ".renewal_within_days", "must be >= 0");
        }
        String cal = p.defaults().calendar();
        require(cal == null || p.calendars().containsKey(cal), "defaults.calendar",
                "names calendar '" + cal + "' which is not defined under calendars");
    }

    private void checkTiers(Policy p) {
        require(p.tiers() != null && !p.tiers().isEmpty(), "tiers", "must list at least one VIP tier");
        int lastRank = -1;
        for (int i = 0; i < p.tiers().size(); i++) {
            TierRule r = p.tiers().get(i);
            String path = "tiers[" + i + "]";
            require(r.tier() != null, path + ".tier", "is required");
            require(r.tier() != Tier.STANDARD, path + ".tier", "STANDARD is what remains; it needs no rule");
            require(r.tier().ordinal() > lastRank, path + ".tier",
                    "tiers must be listed from highest (T1) to lowest, each once");
            lastRank = r.tier().ordinal();
            boolean hasAccount = r.account() != null && (r.account().arr() != null
                    || !r.account().flagsAny().isEmpty() || !r.account().plansAny().isEmpty());
            boolean hasContact = r.contact() != null && !r.contact().rolesAny().isEmpty();
            require(hasAccount || hasContact, path, "needs at least one account or contact criterion");
            if (r.account() != null && r.account().arr() != null) {
                require(!r.account().arr().isEmptyBound(), path + ".account.arr", "needs gt, gte, lt or lte");
                require(!r.account().arr().matchesNothing(), path + ".account.arr",
                        "empty range: no ARR satisfies " + r.account().arr().describe());
            }
        }
    }

    private void checkEntitlements(Policy p) {
        require(p.entitlements() != null, "entitlements", "is required");
        for (Tier t : Tier.values()) {
            Entitlement e = p.entitlements().get(t);
            String path = "entitlements." + t;
            require(e != null, path, "is missing");
            require(e.firstResponseMinutes() > 0, path + ".first_response_minutes", "must be > 0");
            require(e.nextReplyMinutes() > 0, path + ".next_reply_minutes", "must be > 0");
            require(e.maxWaitMinutes() >= e.firstResponseMinutes(), path + ".max_wait_minutes",
                    "must be >= first_response_minutes");
            require(e.queue() != null && !e.queue().isBlank(), path + ".queue", "is required");
            require("always".equals(e.calendar()) || "account".equals(e.calendar())
                    || p.calendars().containsKey(e.calendar()), path + ".calendar",
                    "must be 'always', 'account' or a calendar defined under calendars");
            require(e.ladder() != null && e.ladder().target() != null, path + ".ladder.target", "is required");
            require(e.ladder().respondWithinMinutes() > 0, path + ".ladder.respond_within_minutes", "must be > 0");
            require(e.assignmentMinutes() == null || e.assignmentMinutes() > 0, path + ".assignment_minutes",
                    "must be > 0");
            requireNoNulls(e.notifyTargets(), path + ".notify");
            for (Map.Entry<PriorityLevel, MatrixCell> c : e.byPriority().entrySet()) {
                checkCell(e, c.getValue(), path + ".by_priority." + c.getKey());
            }
        }
    }

    private void checkCell(Entitlement e, MatrixCell c, String path) {
        require(c != null, path, "is empty; remove it or give at least one of queue, agent_level, notify, "
                + "first_response_minutes");
        require(c.queue() != null || c.agentLevel() != null || c.notifyTargets() != null
                || c.firstResponseMinutes() != null, path,
                "must set at least one of queue, agent_level, notify, first_response_minutes");
        require(c.queue() == null || !c.queue().isBlank(), path + ".queue", "must not be blank");
        if (c.firstResponseMinutes() != null) {
            require(c.firstResponseMinutes() > 0, path + ".first_response_minutes", "must be > 0");
            require(c.firstResponseMinutes() <= e.maxWaitMinutes(), path + ".first_response_minutes",
                    "must be <= the tier's max_wait_minutes (" + e.maxWaitMinutes() + ")");
        }
        requireNoNulls(c.notifyTargets(), path + ".notify");
    }

    private void requireNoNulls(List<?> list, String path) {
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                require(list.get(i) != null, path + "[" + i + "]", "is empty");
            }
        }
    }

    private void checkScoring(PriorityScoring s) {
        require(s != null, "priority_score", "is required");
        requireAll(s.severity(), PriorityLevel.values(), "priority_score.severity");
        requireAll(s.tier(), Tier.values(), "priority_score.tier");
        require(s.waitingPointsAtMaxWait() >= 0, "priority_score.waiting_points_at_max_wait", "must be >= 0");
        for (int i = 0; i < s.renewalBoosts().size(); i++) {
            PriorityScoring.RenewalBoost b = s.renewalBoosts().get(i);
            String path = "priority_score.renewal_boosts[" + i + "]";
            require(b.withinDays() > 0, path + ".within_days", "must be > 0");
            require(b.raiseLevels() >= 0 && b.raiseLevels() <= 3, path + ".raise_levels", "must be 0..3");
            if (i > 0) {
                require(b.withinDays() > s.renewalBoosts().get(i - 1).withinDays(), path + ".within_days",
                        "boosts must be listed nearest renewal first");
            }
        }
        require(s.negativeSentimentPoints() == null || s.negativeSentimentPoints() >= 0,
                "priority_score.negative_sentiment_points", "must be >= 0");
        for (Map.Entry<RiskLevel, Double> r : s.churnRisk().entrySet()) {
            require(r.getValue() != null && r.getValue() >= 0, "priority_score.churn_risk." + r.getKey(),
                    "must be a number >= 0");
        }
        checkFairness(s.fairness());
    }

    private void checkFairness(PriorityScoring.Fairness f) {
        if (f == null) {
            return;
        }
        String path = "priority_score.fairness";
        require(!f.tiers().isEmpty(), path + ".tiers", "must name at least one tier");
        require(f.whenFrustrated() != null, path + ".when_frustrated", "is required (true or false)");
        require(f.sentimentAtOrBelow() != null || f.whenFrustrated(), path,
                "needs sentiment_at_or_below or when_frustrated: true, or it never applies");
        require(f.sentimentAtOrBelow() == null || (f.sentimentAtOrBelow() >= -1 && f.sentimentAtOrBelow() < 0),
                path + ".sentiment_at_or_below", "must be in [-1, 0)");
        require(f.raiseLevels() != null && f.raiseLevels() >= 0 && f.raiseLevels() <= 3, path + ".raise_levels",
                "is required, 0..3");
        require(f.points() != null && f.points() >= 0, path + ".points", "is required, >= 0");
    }

    private <E> void requireAll(Map<E, Double> map, E[] keys, String path) {
        require(map != null, path, "is required");
        for (E k : keys) {
            require(map.get(k) != null, path + "." + k, "is missing");
        }
    }

    /** The governed-document section (seed 004): optional, but whole and well-formed when present. */
    private void checkDocument(PolicyDocument d) {
        if (d == null) {
            return;
        }
        require(d.version() != null && !d.version().isBlank(), "document.version", "is required");
        require(d.effectiveAt() != null, "document.effective_at", "is required (an instant, e.g. 2026-01-01T05:00:00Z)");
        parse(() -> Instant.parse(d.effectiveAt()), "document.effective_at", "not an ISO instant (e.g. 2026-01-01T05:00:00Z)");
        require(d.approvedBy() != null && !d.approvedBy().isBlank(), "document.approved_by", "is required (a role, not a name)");
        require((d.lastReviewed() == null) == (d.reviewEvery() == null), d.lastReviewed() == null
                ? "document.last_reviewed" : "document.review_every", "goes with the other: a review cycle needs both");
        if (d.lastReviewed() != null) {
            parse(() -> LocalDate.parse(d.lastReviewed()), "document.last_reviewed", "not an ISO date (e.g. 2026-01-05)");
            parse(() -> Period.parse(d.reviewEvery()), "document.review_every", "not an ISO period (e.g. P6M)");
            Period every = Period.parse(d.reviewEvery());
            require(!every.isNegative() && !every.isZero(), "document.review_every", "must be positive");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < d.revisions().size(); i++) {
            PolicyDocument.Revision r = d.revisions().get(i);
            String at = "document.revisions[" + i + "]";
            require(r != null && r.version() != null && r.summary() != null && r.date() != null, at,
                    "needs version, date and summary");
            parse(() -> LocalDate.parse(r.date()), at + ".date", "not an ISO date (e.g. 2026-01-05)");
            require(seen.add(r.version()), at + ".version", "'" + r.version() + "' is listed twice");
        }
        require(d.revisions().isEmpty() || seen.contains(d.version()), "document.revisions",
                "has no entry for the current version '" + d.version() + "'");
    }

    private void parse(Runnable parse, String path, String reason) {
        try {
            parse.run();
        } catch (DateTimeException e) {
            fail(path, reason);
        }
    }

    private void require(boolean ok, String path, String reason) {
        if (!ok) {
            fail(path, reason);
        }
    }

    private void fail(String path, String reason) {
        throw new PolicyException(file, path, reason);
    }
}
