package io.viplane.sample;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written accounts that the demo tells stories about: fictional analogues of the seed's
 * at-risk list (Stark / Cyberdyne / Oscorp), its active-ticket board (Globex, Wayne, ACME, Initech,
 * Upton) and the exact tier boundaries. Each takes the first free slot of its {@link AccountBook.Basis},
 * so the quotas, and with them the tier counts, stay exact.
 */
final class StoryAccounts {
    static final String AT_RISK_USAGE = "at-risk-usage";             // seed: Stark Ind, T1, health 62, usage -25%
    static final String CHURN_T1 = "churn-t1";                       // seed: T1 $540K "evaluating alternatives"
    static final String API_OUTAGE = "api-outage";                   // seed: Globex, T1 API outage in production
    static final String DATA_MIGRATION = "data-migration";           // seed: Wayne Ent, T1 data migration
    static final String UNRESOLVED = "unresolved";                   // seed: Cyberdyne, T2, health 58, 3 open tickets
    static final String COMPETITOR = "competitor";                   // seed: Oscorp, T2, health 55, competitor mention
    static final String BILLING_12 = "billing-12";                   // seed: Initech, T2 $380K, $12 discrepancy
    static final String SSO = "sso";                                 // seed: ACME, T2 SSO configuration
    static final String CHINESE = "chinese";                         // T2 in Shanghai writing in Chinese
    static final String LATE = "late";                               // CRM record published after its first ticket
    static final String FEATURE_ACCESS = "feature-access";           // seed: Upton, T3 feature access question
    static final String BOUNDARY_500K = "boundary-500k";             // ARR exactly 500K: T2, not T1
    static final String BOUNDARY_100K = "boundary-100k";             // ARR exactly 100K: T2
    static final String BOUNDARY_50K = "boundary-50k";               // ARR exactly 50K: T3

    private record Spec(String key, AccountBook.Basis basis, String stem, String industry, String legal,
                        String zone, double arr, String plan, int health, double usage, Integer nps,
                        List<String> flags, int renewalDays, Integer createdDaysAgo) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec(AT_RISK_USAGE, AccountBook.Basis.T1_ARR, "Korvath", "Industries", "Inc.", "America/Los_Angeles",
                    1_240_000, "ENTERPRISE", 62, -25.0, 6, List.of(), 75, null),
            new Spec(CHURN_T1, AccountBook.Basis.T1_ARR, "Valdane", "Holdings", "Inc.", "America/New_York",
                    540_000, "ENTERPRISE", 71, -6.5, 5, List.of(), 28, null),
            new Spec(API_OUTAGE, AccountBook.Basis.T1_ARR, "Glovanta", "Payments", "Inc.", "America/New_York",
                    890_000, "ENTERPRISE", 84, 6.2, 9, List.of("MULTI_DEPARTMENT"), 190, null),
            new Spec(DATA_MIGRATION, AccountBook.Basis.T1_STRATEGIC, "Wendmoor", "Enterprises", "Ltd", "Europe/London",
                    460_000, "ENTERPRISE", 77, 2.0, 8, List.of("STRATEGIC_PARTNER"), 140, null),
            new Spec(UNRESOLVED, AccountBook.Basis.T2_ARR, "Nexorith", "Systems", "Corp.", "America/Los_Angeles",
                    265_000, "ENTERPRISE", 58, -9.0, 4, List.of(), 50, null),
            new Spec(COMPETITOR, AccountBook.Basis.T2_ARR, "Ozmara", "Biotech", "GmbH", "Europe/Berlin",
                    310_000, "ENTERPRISE", 55, -12.5, 5, List.of(), 40, null),
            new Spec(BILLING_12, AccountBook.Basis.T2_ARR, "Quenfield", "Software", "Inc.", "America/New_York",
                    380_000, "ENTERPRISE", 82, 3.4, 9, List.of(), 210, null),
            new Spec(SSO, AccountBook.Basis.T2_MULTI, "Arcwyn", "Manufacturing", "Ltd", "Europe/London",
                    85_000, "PREMIUM", 79, 5.0, 8, List.of("MULTI_DEPARTMENT"), 160, null),
            new Spec(CHINESE, AccountBook.Basis.T2_ARR, "Qilumo", "Technology", "Co., Ltd.", "Asia/Shanghai",
                    190_000, "ENTERPRISE", 70, -4.0, 7, List.of(), 95, null),
            new Spec(LATE, AccountBook.Basis.T2_ARR, "Fernhollow", "Analytics", "Inc.", "America/New_York",
                    220_000, "ENTERPRISE", 75, 0.0, null, List.of(), 365, 0),
            new Spec(FEATURE_ACCESS, AccountBook.Basis.T3_PREMIUM, "Uptrell", "Retail", "LLC", "America/Los_Angeles",
                    38_000, "PREMIUM", 80, 1.5, 8, List.of(), 120, null),
            new Spec(BOUNDARY_500K, AccountBook.Basis.T2_ARR, "Tallowmere", "Freight", "Inc.", "America/New_York",
                    500_000, "ENTERPRISE", 86, 3.0, 9, List.of(), 300, null),
            new Spec(BOUNDARY_100K, AccountBook.Basis.T2_ARR, "Brindlecrest", "Foods", "Ltd", "Europe/London",
                    100_000, "PREMIUM", 74, 1.0, 7, List.of(), 230, null),
            new Spec(BOUNDARY_50K, AccountBook.Basis.T3_ARR, "Corvane", "Studios", "Pte Ltd", "Asia/Singapore",
                    50_000, "GROWTH", 77, 2.5, 8, List.of(), 260, null));

    private StoryAccounts() {
    }

    static Map<String, SampleAccount> place(List<SampleAccount> all, CompanyNames names, LocalDate day) {
        Map<String, SampleAccount> placed = new LinkedHashMap<>();
        for (Spec s : SPECS) {
            SampleAccount a = all.stream()
                    .filter(x -> x.basis == s.basis() && !placed.containsValue(x))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no free " + s.basis() + " slot for " + s.key()));
            CompanyNames.Company company = names.reserve(s.stem(), s.industry(), s.legal());
            a.name = company.name();
            a.domain = company.domain();
            a.zone = s.zone();
            a.arr = s.arr();
            a.plan = s.plan();
            a.healthScore = s.health();
            a.usageTrendPct = s.usage();
            a.nps = s.nps();
            s.flags().forEach(a::flag);
            a.renewalDate = day.plusDays(s.renewalDays());
            a.calendar = "business-hours";
            if (s.createdDaysAgo() != null) {
                a.createdAt = day.minusDays(s.createdDaysAgo());
            }
            placed.put(s.key(), a);
        }
        return placed;
    }
}
