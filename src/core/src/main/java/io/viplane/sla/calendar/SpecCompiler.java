package io.viplane.sla.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** Validates a {@link CalendarSpec} and turns it into a {@link BusinessCalendar}. */
final class SpecCompiler {
    private SpecCompiler() {
    }

    static BusinessCalendar compile(String name, CalendarSpec spec, ZoneId zoneOrNull,
            Collection<LocalDate> extraHolidays) {
        Optional<ZoneId> specZone = parseZone(name, spec.timezone());
        NavigableSet<LocalDate> holidays = parseHolidays(name, spec.holidays(), extraHolidays);
        WeeklyHours weekly;
        if (spec.isAlwaysOpen()) {
            if (!spec.hours().isEmpty()) {
                throw new CalendarValidationException(name,
                        "always_open: true and hours are exclusive; remove one of them");
            }
            weekly = WeeklyHours.allDay();
        } else {
            weekly = WeeklyHours.parse(name, spec.hours());
            if (weekly.isEmpty()) {
                throw new CalendarValidationException(name,
                        "has no open hours on any weekday, so no deadline could ever be reached"
                                + " (set hours, or always_open: true)");
            }
        }
        ClosedStretch.findAtLeast(weekly, holidays, BusinessCalendar.MAX_CLOSED_DAYS).ifPresent(run -> {
            throw new CalendarValidationException(name, "is closed every day from " + run.first()
                    + " to " + run.last() + " (" + run.days() + " days): holidays cover every open day"
                    + " for a year or more, so no deadline in that period could be reached");
        });
        boolean continuous = spec.isAlwaysOpen() && holidays.isEmpty();
        ZoneId zone = zoneOrNull != null ? zoneOrNull : specZone.orElse(null);
        if (zone == null) {
            if (!continuous) {
                throw new CalendarValidationException(name,
                        "has no timezone: set 'timezone' in the calendar or on the account");
            }
            zone = ZoneOffset.UTC; // irrelevant: a 24/7 calendar without holidays has no local dates
        }
        return new BusinessCalendar(name, zone, weekly, Collections.unmodifiableNavigableSet(holidays),
                continuous);
    }

    private static Optional<ZoneId> parseZone(String name, String timezone) {
        if (timezone == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(timezone.trim()));
        } catch (DateTimeException e) {
            throw new CalendarValidationException(name, "unknown timezone '" + timezone
                    + "' (use an IANA id such as America/New_York)", e);
        }
    }

    private static NavigableSet<LocalDate> parseHolidays(String name, List<String> texts,
            Collection<LocalDate> extra) {
        NavigableSet<LocalDate> dates = new TreeSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new CalendarValidationException(name, "holidays[" + i + "] is empty; expected yyyy-MM-dd");
            }
            try {
                dates.add(LocalDate.parse(text.trim()));
            } catch (DateTimeParseException e) {
                throw new CalendarValidationException(name, "holidays[" + i + "] \"" + text
                        + "\" is not a date; expected yyyy-MM-dd", e);
            }
        }
        for (LocalDate d : extra) {
            dates.add(Objects.requireNonNull(d, "holiday date"));
        }
        return dates;
    }
}
