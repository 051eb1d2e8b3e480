package io.viplane.sla.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.NavigableSet;
import java.util.Optional;

/**
 * Finds the longest run of consecutive closed days (non-working weekdays and holidays). A
 * calendar whose longest run reaches a year is rejected, which is what lets every scan for the
 * next opening stop after a fixed number of days.
 *
 * <p>Cost is proportional to the number of holidays, not to the span they cover: a long closed
 * run can only be made of holidays that fall on working weekdays, chained with at most six
 * non-working days between them.
 */
final class ClosedStretch {
    private ClosedStretch() {
    }

    /** First and last closed day of a run. */
    record Run(LocalDate first, LocalDate last) {
        long days() {
            return ChronoUnit.DAYS.between(first, last) + 1;
        }
    }

    /** The first run of at least {@code minDays} closed days, if any. */
    static Optional<Run> findAtLeast(WeeklyHours hours, NavigableSet<LocalDate> holidays, long minDays) {
        LocalDate chainFirst = null;
        LocalDate chainLast = null;
        for (LocalDate h : holidays) {
            if (!hours.isWorkingDay(h.getDayOfWeek())) {
                continue; // a holiday on a closed weekday changes nothing
            }
            if (chainLast != null && nextWorkingDay(hours, chainLast).equals(h)) {
                chainLast = h;
                continue;
            }
            Optional<Run> run = check(hours, chainFirst, chainLast, minDays);
            if (run.isPresent()) {
                return run;
            }
            chainFirst = h;
            chainLast = h;
        }
        return check(hours, chainFirst, chainLast, minDays);
    }

    private static Optional<Run> check(WeeklyHours hours, LocalDate chainFirst, LocalDate chainLast, long min) {
        if (chainFirst == null) {
            return Optional.empty();
        }
        Run run = new Run(previousWorkingDay(hours, chainFirst).plusDays(1),
                nextWorkingDay(hours, chainLast).minusDays(1));
        return run.days() >= min ? Optional.of(run) : Optional.empty();
    }

    // Both helpers look at most 7 days away because the caller guarantees a working weekday.
    private static LocalDate nextWorkingDay(WeeklyHours hours, LocalDate day) {
        LocalDate d = day.plusDays(1);
        for (int i = 0; i < 7 && !hours.isWorkingDay(d.getDayOfWeek()); i++) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static LocalDate previousWorkingDay(WeeklyHours hours, LocalDate day) {
        LocalDate d = day.minusDays(1);
        for (int i = 0; i < 7 && !hours.isWorkingDay(d.getDayOfWeek()); i++) {
            d = d.minusDays(1);
        }
        return d;
    }
}
