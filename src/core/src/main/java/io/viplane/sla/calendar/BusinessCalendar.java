package io.viplane.sla.calendar;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;

/**
 * Business time under one calendar in one time zone: weekly local opening ranges minus holidays.
 * Immutable and thread-safe; all operations are pure.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li><b>Ranges are half-open.</b> A calendar open 09:00-17:00 is open at 09:00:00 and closed
 *       at 17:00:00 ({@link #isOpen} is false at the closing instant).</li>
 *   <li><b>A deadline of N business minutes is the instant at which the Nth business minute
 *       ends.</b> So a deadline that lands exactly at closing time is that closing instant
 *       (Friday 16:00 + 60 min = Friday 17:00, not Monday 09:00), and
 *       {@code businessMinutesBetween(start, deadline) == N} always holds. A deadline of 0
 *       minutes is the moment the clock starts: {@link #nextOpening}.</li>
 *   <li><b>The clock starts at the next opening.</b> A start outside the hours (Friday evening)
 *       counts from the next opening (Monday 09:00).</li>
 *   <li><b>Each range is the real elapsed time between its local start and its local end on
 *       that date.</b> Local times are mapped to instants by the first moment the zone's clocks
 *       show that time or later: a time inside a spring-forward gap maps to the jump, a time
 *       inside a fall-back overlap maps to its first occurrence. So 00:00-24:00 lasts 23 h on
 *       the spring-forward day and 25 h on the fall-back day, 09:00-17:00 is always 8 h, and
 *       ranges that touch on the wall clock touch in real time too.</li>
 *   <li><b>A range belongs to the date it starts on.</b> "24:00" closes at the next local
 *       midnight, so MON 22:00-24:00 and TUE 00:00-06:00 count as one continuous stretch;
 *       a holiday closes the ranges of its own date only.</li>
 *   <li><b>Business time has the precision of {@link Instant}</b>; the minute variants floor.</li>
 * </ul>
 *
 * <h2>Bounds</h2>
 * Work is proportional to the number of local days crossed, never to minutes. Construction
 * rejects a calendar that can stay closed for {@value #MAX_CLOSED_DAYS} consecutive days (no
 * hours at all, or holidays covering every open day for a year), so finding the next opening
 * looks at most about a year ahead; additions and differences are limited to spans of
 * {@value #MAX_SPAN_DAYS} days (about 100 years) and fail beyond, instead of running long.
 */
public final class BusinessCalendar {
    /** A calendar that can be closed this many consecutive days is rejected as impossible. */
    public static final int MAX_CLOSED_DAYS = 366;
    /** Largest span, in local days, that one addition or difference will walk. */
    public static final int MAX_SPAN_DAYS = 36_525;

    private static final String ALWAYS = "always";

    private final String name;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final WeeklyHours hours;
    private final NavigableSet<LocalDate> holidays;
    // A 24/7 calendar without holidays is plain instant arithmetic: no day walk, no horizon.
    private final boolean continuous;

    BusinessCalendar(String name, ZoneId zone, WeeklyHours hours, NavigableSet<LocalDate> holidays,
            boolean continuous) {
        this.name = name;
        this.zone = zone;
        this.rules = zone.getRules();
        this.hours = hours;
        this.holidays = holidays;
        this.continuous = continuous;
    }

    /** The 24/7 calendar: every instant is business time. */
    public static BusinessCalendar always() {
        return new BusinessCalendar(ALWAYS, ZoneOffset.UTC, WeeklyHours.allDay(),
                Collections.emptyNavigableSet(), true);
    }

    /** {@link #of(String, CalendarSpec, ZoneId)} for an unnamed calendar. */
    public static BusinessCalendar of(CalendarSpec spec, ZoneId zoneOrNull) {
        return of("(unnamed)", spec, zoneOrNull);
    }

    /**
     * Builds a calendar from a spec without an {@code ical} entry.
     *
     * @param name       the calendar's key in the policy, used in error messages
     * @param zoneOrNull the account's zone, which overrides the spec's {@code timezone}
     * @throws CalendarValidationException if the spec is invalid, or names an {@code ical} file
     *         (use an overload that says where the file is or passes its dates)
     */
    public static BusinessCalendar of(String name, CalendarSpec spec, ZoneId zoneOrNull) {
        Objects.requireNonNull(spec, "spec");
        if (spec.ical() != null) {
            throw new CalendarValidationException(name, "ical file '" + spec.ical()
                    + "' needs the policy folder: build with of(name, spec, zone, folder)"
                    + " or pass the parsed dates");
        }
        return SpecCompiler.compile(name, spec, zoneOrNull, List.of());
    }

    /**
     * Builds a calendar whose {@code ical} file has already been parsed (see
     * {@link IcalHolidays}); parse it once and reuse the dates for every account zone.
     *
     * @param icalHolidays extra closed local dates, added to the spec's {@code holidays}
     */
    public static BusinessCalendar of(String name, CalendarSpec spec, ZoneId zoneOrNull,
            Collection<LocalDate> icalHolidays) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(icalHolidays, "icalHolidays");
        return SpecCompiler.compile(name, spec, zoneOrNull, icalHolidays);
    }

    /**
     * Builds a calendar, reading its {@code ical} file (if any) relative to {@code policyFolder}
     * (the working directory if null) with the default recurrence horizon of
     * {@link IcalHolidays}. This is the only operation here that does I/O.
     *
     * @throws CalendarValidationException also when the file cannot be read or parsed
     */
    public static BusinessCalendar of(String name, CalendarSpec spec, ZoneId zoneOrNull, Path policyFolder) {
        Objects.requireNonNull(spec, "spec");
        if (spec.ical() == null) {
            return SpecCompiler.compile(name, spec, zoneOrNull, List.of());
        }
        Path file = policyFolder == null ? Path.of(spec.ical()) : policyFolder.resolve(spec.ical());
        try {
            return SpecCompiler.compile(name, spec, zoneOrNull, IcalHolidays.read(file));
        } catch (IOException e) {
            throw new CalendarValidationException(name, "ical file '" + file + "' cannot be read: " + e, e);
        } catch (IcalFormatException e) {
            throw new CalendarValidationException(name, "ical file '" + file + "' " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** All closed dates (spec and iCalendar), sorted. */
    public NavigableSet<LocalDate> holidays() {
        return holidays;
    }

    /** True for a 24/7 calendar without holidays, where business time equals elapsed time. */
    public boolean isContinuous() {
        return continuous;
    }

    /** Whether {@code t} is business time (closing instants are not). */
    public boolean isOpen(Instant t) {
        Objects.requireNonNull(t, "t");
        if (continuous) {
            return true;
        }
        LocalDate day = localDate(t);
        // Ranges of a neighbouring date can contain t only through a clock change at local
        // midnight; looking at three dates covers every zone rule.
        for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            for (OpenInterval iv : openIntervals(d)) {
                if (!t.isBefore(iv.start()) && t.isBefore(iv.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code t} itself if the calendar is open at {@code t}, otherwise the next opening. */
    public Instant nextOpening(Instant t) {
        return addBusinessTime(t, Duration.ZERO);
    }

    /** The deadline {@code minutes} business minutes after {@code start}; see class conventions. */
    public Instant addBusinessMinutes(Instant start, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: " + minutes);
        }
        return addBusinessTime(start, Duration.ofMinutes(minutes));
    }

    /**
     * The instant at which {@code amount} of business time has elapsed since {@code start}
     * (second or finer precision); for zero, the next opening.
     *
     * @throws IllegalArgumentException if amount is negative, or the result lies more than
     *         {@value #MAX_SPAN_DAYS} days after start
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative: " + amount);
        }
        if (continuous) {
            return start.plus(amount);
        }
        Duration remaining = amount;
        LocalDate day = localDate(start).minusDays(1);
        for (int i = 0; i <= MAX_SPAN_DAYS + 2; i++, day = day.plusDays(1)) {
            for (OpenInterval iv : openIntervals(day)) {
                if (!iv.end().isAfter(start)) {
                    continue;
                }
                Instant from = iv.start().isAfter(start) ? iv.start() : start;
                Duration available = Duration.between(from, iv.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining); // equal: the deadline is the closing instant
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalArgumentException("calendar '" + name + "': adding " + amount + " to " + start
                + " goes beyond " + MAX_SPAN_DAYS + " days");
    }

    /** Business time in [from, to); zero if {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (continuous) {
            return Duration.between(from, to);
        }
        LocalDate first = localDate(from).minusDays(1);
        LocalDate last = localDate(to).plusDays(1);
        if (ChronoUnit.DAYS.between(first, last) > MAX_SPAN_DAYS + 2) {
            throw new IllegalArgumentException("calendar '" + name + "': span " + from + " .. " + to
                    + " is longer than " + MAX_SPAN_DAYS + " days");
        }
        Duration total = Duration.ZERO;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (OpenInterval iv : openIntervals(d)) {
                Instant s = iv.start().isAfter(from) ? iv.start() : from;
                Instant e = iv.end().isBefore(to) ? iv.end() : to;
                if (s.isBefore(e)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }

    /** Whole business minutes in [from, to) (floored); 0 if {@code to} is not after {@code from}. */
    public long businessMinutesBetween(Instant from, Instant to) {
        return businessTimeBetween(from, to).toMinutes();
    }

    /** The open spans that belong to a local date, in order (empty on holidays and closed days). */
    List<OpenInterval> openIntervals(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<TimeRange> ranges = hours.on(date.getDayOfWeek());
        List<OpenInterval> out = new ArrayList<>(ranges.size());
        for (TimeRange r : ranges) {
            Instant s = instantAt(date, r.startMinute());
            Instant e = instantAt(date, r.endMinute());
            if (s.isBefore(e)) { // a range lying wholly inside a spring-forward gap has no time
                out.add(new OpenInterval(s, e));
            }
        }
        return out;
    }

    private Instant instantAt(LocalDate date, int minuteOfDay) {
        LocalDateTime local = minuteOfDay == TimeRange.MINUTES_PER_DAY
                ? date.plusDays(1).atStartOfDay()
                : date.atStartOfDay().plusMinutes(minuteOfDay);
        return LocalInstants.firstInstantShowing(local, rules);
    }

    private LocalDate localDate(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + name + ", " + (continuous ? "24/7" : zone.getId()) + "]";
    }
}
