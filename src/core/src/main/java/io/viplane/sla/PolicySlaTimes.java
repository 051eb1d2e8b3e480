package io.viplane.sla;

import io.viplane.model.Account;
import io.viplane.model.Tier;
import io.viplane.policy.Entitlement;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyException;
import io.viplane.sla.calendar.BusinessCalendar;
import io.viplane.sla.calendar.CalendarSpec;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * POLICY.md §2: T1 runs 24/7, other tiers in the business hours of the account (its own
 * {@code calendar} and {@code timezone}, else the policy defaults). Calendars are built once per
 * (calendar, zone) and shared, since thousands of accounts use a handful of them.
 */
public final class PolicySlaTimes implements SlaTimeResolver {
    private final Policy policy;
    private final Path policyFolder;
    private final Map<String, SlaTime> cache = new ConcurrentHashMap<>();

    public PolicySlaTimes(Policy policy, Path policyFolder) {
        this.policy = policy;
        this.policyFolder = policyFolder;
    }

    /** Builds every calendar of the policy once, so a broken calendar stops start-up, not a ticket. */
    public static PolicySlaTimes validated(Policy policy, Path policyFolder, String origin) {
        PolicySlaTimes times = new PolicySlaTimes(policy, policyFolder);
        for (String name : policy.calendars().keySet()) {
            try {
                times.calendar(name, null);
            } catch (RuntimeException e) {
                throw new PolicyException(origin, "calendars." + name, e.getMessage());
            }
        }
        return times;
    }

    @Override
    public SlaTime resolve(Tier tier, Account account) {
        Entitlement e = policy.entitlement(tier);
        if (e.runsAroundTheClock()) {
            return SlaTime.AROUND_THE_CLOCK;
        }
        String name = "account".equals(e.calendar())
                ? (account != null && account.getCalendar() != null && policy.calendars().containsKey(account.getCalendar())
                    ? account.getCalendar() : policy.defaults().calendar())
                : e.calendar();
        if (name == null) {
            return SlaTime.AROUND_THE_CLOCK;
        }
        return calendar(name, account == null ? null : zone(account.getTimezone()));
    }

    private SlaTime calendar(String name, ZoneId accountZone) {
        return cache.computeIfAbsent(name + "|" + accountZone, k -> {
            CalendarSpec spec = CalendarSpec.fromJson(name, policy.calendars().get(name));
            ZoneId zone = accountZone != null ? accountZone
                    : spec.timezone() == null ? ZoneId.of(policy.defaults().timezone()) : null;
            BusinessCalendar cal = spec.isAlwaysOpen() ? BusinessCalendar.always()
                    : policyFolder == null ? BusinessCalendar.of(name, spec, zone)
                    : BusinessCalendar.of(name, spec, zone, policyFolder);
            return cal.isContinuous() ? SlaTime.AROUND_THE_CLOCK : new CalendarTime(name, cal);
        });
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null; // an unknown zone in the CRM falls back to the calendar's own zone
        }
    }

    private record CalendarTime(String name, BusinessCalendar cal) implements SlaTime {
        @Override
        public Instant plusMinutes(Instant from, long minutes) {
            return cal.addBusinessMinutes(from, minutes);
        }

        @Override
        public long minutesBetween(Instant from, Instant to) {
            return cal.businessMinutesBetween(from, to);
        }

        @Override
        public String describe() {
            return "business hours (" + name + ", " + cal.zone() + ")";
        }
    }
}
