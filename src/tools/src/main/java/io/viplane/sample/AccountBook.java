package io.viplane.sample;

import io.viplane.model.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRM's accounts. Tier counts are exact by construction: every account is first given a
 * {@link Basis} (the one criterion that earns its tier, drawn from a fixed quota), and only then
 * are its ARR, plan and flags drawn inside that basis's limits, never crossing into a higher
 * tier. {@link #build} re-checks every account against {@link AccountRules} and fails loudly
 * if a count is off, so a wrong sample can never be shipped silently.
 */
final class AccountBook {
    static final int TOTAL = 2000;

    /** The criterion that earns an account its tier, with how many accounts use it (seed 000: 23/67/145). */
    enum Basis {
        T1_ARR(Tier.T1, 16), T1_STRATEGIC(Tier.T1, 3), T1_EXEC_REVIEW(Tier.T1, 2), T1_BOARD(Tier.T1, 2),
        T2_ARR(Tier.T2, 52), T2_NAMED(Tier.T2, 6), T2_MULTI(Tier.T2, 5), T2_GROWTH(Tier.T2, 4),
        T3_ARR(Tier.T3, 108), T3_PREMIUM(Tier.T3, 27), T3_REFERRAL(Tier.T3, 10),
        STANDARD(Tier.STANDARD, 1765);

        final Tier tier;
        final int quota;

        Basis(Tier tier, int quota) {
            this.tier = tier;
            this.quota = quota;
        }
    }

    static final Map<Tier, Integer> EXPECTED = Map.of(Tier.T1, 23, Tier.T2, 67, Tier.T3, 145, Tier.STANDARD, 1765);

    private static final List<String> ZONES = List.of("America/New_York", "America/Los_Angeles",
            "Europe/London", "Europe/Berlin", "Asia/Shanghai", "Asia/Singapore");
    private static final double[] ZONE_WEIGHTS = {35, 20, 15, 12, 9, 9};
    private static final int CSMS = 14;
    /** Seed 000: "Assigned executive sponsors: 6 VPs/Directors", 3-4 accounts each. */
    private static final int SPONSORS = 6;

    final List<SampleAccount> all;
    /** Story accounts by story key (see {@link StoryAccounts}). */
    final Map<String, SampleAccount> stories;

    private AccountBook(List<SampleAccount> all, Map<String, SampleAccount> stories) {
        this.all = all;
        this.stories = stories;
    }

    SampleAccount story(String key) {
        SampleAccount a = stories.get(key);
        if (a == null) {
            throw new IllegalArgumentException("no story account " + key);
        }
        return a;
    }

    static AccountBook build(Dice dice, LocalDate day) {
        List<Basis> slots = new ArrayList<>();
        for (Basis b : Basis.values()) {
            for (int i = 0; i < b.quota; i++) {
                slots.add(b);
            }
        }
        slots = dice.shuffled(slots);
        List<SampleAccount> all = new ArrayList<>(TOTAL);
        for (int i = 0; i < slots.size(); i++) {
            all.add(new SampleAccount(String.format("acc-%05d", i + 1), slots.get(i)));
        }
        CompanyNames names = new CompanyNames();
        Map<String, SampleAccount> stories = StoryAccounts.place(all, names, day);
        for (SampleAccount a : all) {
            fill(a, dice, names, day, stories.containsValue(a));
        }
        assignSponsors(all);
        verify(all);
        return new AccountBook(all, stories);
    }

    private static void fill(SampleAccount a, Dice dice, CompanyNames names, LocalDate day, boolean story) {
        // Draw every value even for story accounts, so the random stream (and with it every other
        // account) does not depend on which slots the stories took.
        String zone = dice.weighted(ZONES, ZONE_WEIGHTS);
        CompanyNames.Company company = story ? null : names.next(dice, zone);
        double arr = arr(a.basis, dice);
        String plan = plan(a.basis, dice);
        boolean vip = a.tier != Tier.STANDARD;
        int health = vip ? dice.gaussianInt(81, 8, 66, 98) : dice.gaussianInt(72, 14, 18, 99);
        double usage = round1(vip ? clamp(dice.gaussian(4, 7), -15, 40) : clamp(dice.gaussian(1, 12), -45, 60));
        Integer nps = dice.chance(0.15) ? null
                : vip ? dice.gaussianInt(8.6, 1.2, 6, 10) : dice.gaussianInt(7.3, 2.0, 0, 10);
        String csm = String.format("csm-%02d", dice.between(1, CSMS));
        boolean calendar = dice.chance(0.75);
        boolean onboarding = dice.chance(0.06);
        int age = onboarding ? dice.between(1, 89) : dice.between(91, 2900);
        long updatedSecondsBefore = dice.between(3600, 30 * 86400);
        boolean localCurrency = dice.chance(0.4);
        double extraFlag = dice.uniform(0, 1);
        if (story) {
            // Story accounts keep their hand-written values; fill only what the story left open.
            a.zone = a.zone != null ? a.zone : zone;
        } else {
            a.zone = zone;
            a.name = company.name();
            a.domain = company.domain();
            a.arr = arr;
            a.plan = plan;
            a.healthScore = health;
            a.usageTrendPct = usage;
            a.nps = nps;
            basisFlags(a, extraFlag);
        }
        if (a.plan == null) {
            a.plan = plan;
        }
        if (!story && a.tier == Tier.STANDARD && localCurrency) {
            // Only standard accounts bill in local currency, so no VIP threshold is read across currencies.
            a.currency = switch (a.zone) {
                case "Europe/London" -> "GBP";
                case "Europe/Berlin" -> "EUR";
                default -> "USD";
            };
        }
        a.csmId = vip ? csm : null;
        a.calendar = a.calendar != null || calendar ? "business-hours" : null;
        if (a.createdAt == null) {
            a.createdAt = day.minusDays(age);
        }
        if (a.renewalDate == null) {
            a.renewalDate = nextAnniversary(a.createdAt, day);
        }
        if (a.updatedAt == null) {
            a.updatedAt = day.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(updatedSecondsBefore);
        }
    }

    /** ARR drawn from a truncated Pareto inside the basis's band, rounded like real contract values. */
    static double arr(Basis basis, Dice dice) {
        return switch (basis) {
            case T1_ARR -> Math.max(501_000, roundTo(dice.pareto(505_000, 4_000_000, 1.2), 1_000));
            case T1_STRATEGIC, T1_EXEC_REVIEW -> roundTo(dice.pareto(120_000, 480_000, 1.0), 1_000);
            case T1_BOARD -> roundTo(dice.pareto(60_000, 300_000, 1.0), 500);
            case T2_ARR -> Math.min(500_000, roundTo(dice.pareto(100_000, 500_000, 1.3), 500));
            case T2_NAMED, T2_MULTI -> Math.min(99_500, roundTo(dice.pareto(40_000, 99_500, 1.0), 500));
            case T2_GROWTH -> Math.min(99_500, roundTo(dice.pareto(15_000, 99_500, 1.0), 500));
            case T3_ARR -> Math.min(99_900, roundTo(dice.pareto(50_000, 99_900, 1.2), 100));
            case T3_PREMIUM -> Math.min(49_900, roundTo(dice.pareto(12_000, 49_900, 1.0), 100));
            case T3_REFERRAL -> Math.min(49_900, roundTo(dice.pareto(5_000, 49_900, 1.0), 100));
            case STANDARD -> Math.min(49_990, roundTo(dice.pareto(3_000, 49_990, 0.6), 10));
        };
    }

    private static String plan(Basis basis, Dice dice) {
        double u = dice.uniform(0, 1);
        return switch (basis.tier) {
            case T1 -> u < 0.85 ? "ENTERPRISE" : "PREMIUM";
            case T2 -> u < 0.6 ? "ENTERPRISE" : u < 0.9 ? "PREMIUM" : "GROWTH";
            case T3 -> basis == Basis.T3_PREMIUM ? "PREMIUM"
                    : u < 0.4 ? "PREMIUM" : u < 0.9 ? "GROWTH" : "ENTERPRISE";
            // Never PREMIUM: that plan alone would make the account T3.
            case STANDARD -> u < 0.55 ? "STARTER" : "GROWTH";
        };
    }

    /** The earning flag, plus now and then a flag of the same or a lower tier (which cannot change the tier). */
    private static void basisFlags(SampleAccount a, double u) {
        switch (a.basis) {
            case T1_STRATEGIC -> a.flag("STRATEGIC_PARTNER");
            case T1_EXEC_REVIEW -> a.flag("EXEC_REVIEW");
            case T1_BOARD -> a.flag("BOARD_INVESTOR");
            case T2_NAMED -> a.flag("NAMED_ENTERPRISE");
            case T2_MULTI -> a.flag("MULTI_DEPARTMENT");
            case T2_GROWTH -> a.flag("HIGH_GROWTH");
            case T3_REFERRAL -> a.flag("REFERRAL_PARTNER");
            default -> { }
        }
        if (a.tier == Tier.T1 && u < 0.35) {
            a.flag(u < 0.1 ? "STRATEGIC_PARTNER" : u < 0.25 ? "NAMED_ENTERPRISE" : "MULTI_DEPARTMENT");
        } else if (a.tier == Tier.T2 && u < 0.25) {
            a.flag(u < 0.12 ? "MULTI_DEPARTMENT" : "REFERRAL_PARTNER");
        } else if (a.basis == Basis.T3_ARR && u < 0.08) {
            a.flag("REFERRAL_PARTNER");
        }
    }

    private static void assignSponsors(List<SampleAccount> all) {
        int next = 0;
        for (SampleAccount a : all) {
            if (a.tier == Tier.T1) {
                a.execSponsorId = "sponsor-" + (next++ % SPONSORS + 1);
            }
        }
    }

    private static void verify(List<SampleAccount> all) {
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        for (SampleAccount a : all) {
            Tier derived = AccountRules.tierOf(a);
            if (derived != a.tier) {
                throw new IllegalStateException(a.id + " was built as " + a.tier + " but the rules make it " + derived);
            }
            counts.merge(derived, 1, Integer::sum);
        }
        for (Map.Entry<Tier, Integer> e : EXPECTED.entrySet()) {
            if (!e.getValue().equals(counts.getOrDefault(e.getKey(), 0))) {
                throw new IllegalStateException("expected " + e.getValue() + " " + e.getKey() + " accounts, built " + counts);
            }
        }
    }

    static Map<Tier, Integer> countByTier(List<SampleAccount> all) {
        Map<Tier, Integer> counts = new LinkedHashMap<>();
        for (Tier t : Tier.values()) {
            counts.put(t, 0);
        }
        all.forEach(a -> counts.merge(a.tier, 1, Integer::sum));
        return counts;
    }

    private static LocalDate nextAnniversary(LocalDate created, LocalDate day) {
        LocalDate d = created.plusYears(1);
        while (!d.isAfter(day)) {
            d = d.plusYears(1);
        }
        return d;
    }

    static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static double roundTo(double x, int step) {
        return Math.round(x / step) * (double) step;
    }

    private static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
