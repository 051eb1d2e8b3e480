package io.viplane.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of RFC 5545 {@code RRULE} that public-holiday calendars use: {@code FREQ=YEARLY}
 * with optional INTERVAL, COUNT or UNTIL, BYMONTH, BYMONTHDAY and BYDAY (with an ordinal inside
 * the month, e.g. {@code BYMONTH=11;BYDAY=4TH} for US Thanksgiving, {@code BYMONTH=5;BYDAY=-1MO}
 * for Memorial Day). Anything else is rejected rather than expanded wrongly.
 */
final class YearlyRule {
    private static final Pattern BYDAY = Pattern.compile("([+-]?\\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)");
    private static final List<String> SUPPORTED =
            List.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTH", "BYMONTHDAY", "BYDAY", "WKST");

    private final int interval;
    private final int count;          // 0 = unlimited
    private final LocalDate until;    // inclusive, or null
    private final List<Integer> months;
    private final List<Integer> monthDays;
    private final List<WeekdayRule> weekdays;

    private record WeekdayRule(int ordinal, DayOfWeek day) {
        boolean matches(LocalDate d) {
            if (d.getDayOfWeek() != day) {
                return false;
            }
            if (ordinal > 0) {
                return (d.getDayOfMonth() - 1) / 7 + 1 == ordinal;
            }
            if (ordinal < 0) {
                return (d.lengthOfMonth() - d.getDayOfMonth()) / 7 + 1 == -ordinal;
            }
            return true;
        }
    }

    private YearlyRule(int interval, int count, LocalDate until, List<Integer> months, List<Integer> monthDays,
            List<WeekdayRule> weekdays) {
        this.interval = interval;
        this.count = count;
        this.until = until;
        this.months = months;
        this.monthDays = monthDays;
        this.weekdays = weekdays;
    }

    /** @throws IcalFormatException naming the unsupported or malformed part */
    static YearlyRule parse(String value, int line) {
        String freq = null;
        int interval = 1;
        int count = 0;
        LocalDate until = null;
        List<Integer> months = new ArrayList<>();
        List<Integer> monthDays = new ArrayList<>();
        List<WeekdayRule> weekdays = new ArrayList<>();
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IcalFormatException(line, "RRULE part '" + part + "' is not KEY=VALUE");
            }
            String key = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String val = part.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            if (!SUPPORTED.contains(key)) {
                throw new IcalFormatException(line, "RRULE part " + key + " is not supported (only FREQ=YEARLY"
                        + " with INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY, BYDAY)");
            }
            switch (key) {
                case "FREQ" -> freq = val;
                case "INTERVAL" -> interval = number(val, 1, 1000, "INTERVAL", line);
                case "COUNT" -> count = number(val, 1, 100_000, "COUNT", line);
                case "UNTIL" -> until = IcalHolidays.date(val.length() > 8 && val.charAt(8) == 'T'
                        ? val.substring(0, 8) : val, "UNTIL", line);
                case "BYMONTH" -> {
                    for (String m : val.split(",")) {
                        months.add(number(m, 1, 12, "BYMONTH", line));
                    }
                }
                case "BYMONTHDAY" -> {
                    for (String d : val.split(",")) {
                        int n = number(d, -31, 31, "BYMONTHDAY", line);
                        if (n == 0) {
                            throw new IcalFormatException(line, "BYMONTHDAY must not be 0");
                        }
                        monthDays.add(n);
                    }
                }
                case "BYDAY" -> {
                    for (String d : val.split(",")) {
                        weekdays.add(weekday(d, line));
                    }
                }
                default -> { } // WKST only matters for weekly rules
            }
        }
        if (!"YEARLY".equals(freq)) {
            throw new IcalFormatException(line, "RRULE FREQ=" + freq + " is not supported (only YEARLY)");
        }
        if (count > 0 && until != null) {
            throw new IcalFormatException(line, "RRULE must not have both COUNT and UNTIL");
        }
        if (!weekdays.isEmpty() && months.isEmpty()) {
            throw new IcalFormatException(line, "RRULE BYDAY needs BYMONTH (weekdays of the year are not supported)");
        }
        return new YearlyRule(interval, count, until, List.copyOf(new TreeSet<>(months)), List.copyOf(monthDays),
                List.copyOf(weekdays));
    }

    private static WeekdayRule weekday(String text, int line) {
        Matcher m = BYDAY.matcher(text.trim());
        if (!m.matches()) {
            throw new IcalFormatException(line, "BYDAY value '" + text + "' is malformed (e.g. MO, 4TH, -1MO)");
        }
        int ordinal = m.group(1) == null ? 0 : Integer.parseInt(m.group(1).replace("+", ""));
        if (ordinal < -5 || ordinal > 5 || (m.group(1) != null && ordinal == 0)) {
            throw new IcalFormatException(line, "BYDAY ordinal in '" + text + "' must be 1..5 or -5..-1");
        }
        DayOfWeek day = switch (m.group(2)) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
        return new WeekdayRule(ordinal, day);
    }

    private static int number(String text, int min, int max, String what, int line) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range value
        }
        throw new IcalFormatException(line, what + " value '" + text + "' must be a number from " + min + " to " + max);
    }

    /**
     * Occurrence start dates from {@code dtstart} through the end of {@code lastYear}, in order.
     * DTSTART itself is always an occurrence (RFC 5545), even if the rule would not produce it.
     */
    List<LocalDate> occurrences(LocalDate dtstart, int lastYear) {
        List<LocalDate> out = new ArrayList<>();
        out.add(dtstart);
        int produced = 0;
        List<Integer> monthsToUse = !months.isEmpty() ? months
                : !monthDays.isEmpty() ? allMonths() : List.of(dtstart.getMonthValue());
        for (int year = dtstart.getYear(); year <= lastYear; year += interval) {
            for (int month : monthsToUse) {
                for (LocalDate d : candidates(year, month, dtstart)) {
                    if (until != null && d.isAfter(until)) {
                        return out;
                    }
                    if (d.isBefore(dtstart)) {
                        continue;
                    }
                    if (!d.equals(dtstart)) {
                        out.add(d);
                    }
                    produced++;
                    if (count > 0 && produced >= count) {
                        return out;
                    }
                }
            }
        }
        return out;
    }

    private List<LocalDate> candidates(int year, int month, LocalDate dtstart) {
        int length = Month.of(month).length(java.time.Year.isLeap(year));
        List<LocalDate> out = new ArrayList<>();
        if (monthDays.isEmpty() && weekdays.isEmpty()) {
            // Plain yearly repetition of DTSTART's day; Feb 29 is skipped in common years.
            if (dtstart.getDayOfMonth() <= length) {
                out.add(LocalDate.of(year, month, dtstart.getDayOfMonth()));
            }
            return out;
        }
        for (int day = 1; day <= length; day++) {
            LocalDate d = LocalDate.of(year, month, day);
            if (matchesMonthDay(day, length) && matchesWeekday(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private boolean matchesMonthDay(int day, int length) {
        if (monthDays.isEmpty()) {
            return true;
        }
        for (int n : monthDays) {
            if (n == day || (n < 0 && length + n + 1 == day)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesWeekday(LocalDate d) {
        if (weekdays.isEmpty()) {
            return true;
        }
        for (WeekdayRule w : weekdays) {
            if (w.matches(d)) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> allMonths() {
        List<Integer> all = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            all.add(m);
        }
        return all;
    }
}
