package io.viplane.sla.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The validated weekly opening ranges of a calendar: sorted, non-overlapping, per weekday. */
final class WeeklyHours {
    private final Map<DayOfWeek, List<TimeRange>> byDay;

    private WeeklyHours(Map<DayOfWeek, List<TimeRange>> byDay) {
        this.byDay = byDay;
    }

    static WeeklyHours allDay() {
        Map<DayOfWeek, List<TimeRange>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            map.put(d, List.of(TimeRange.WHOLE_DAY));
        }
        return new WeeklyHours(map);
    }

    /** @throws CalendarValidationException for the first bad key or range, naming it */
    static WeeklyHours parse(String calendarName, Map<String, List<String>> hours) {
        Map<DayOfWeek, List<TimeRange>> map = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, List<String>> e : hours.entrySet()) {
            String key = e.getKey();
            DayOfWeek day = weekday(key).orElseThrow(() -> new CalendarValidationException(calendarName,
                    "hours: unknown weekday '" + key + "' (use MON, TUE, WED, THU, FRI, SAT, SUN)"));
            if (map.containsKey(day)) {
                throw new CalendarValidationException(calendarName,
                        "hours: " + day + " is given twice (key '" + key + "')");
            }
            map.put(day, parseDay(calendarName, key, e.getValue()));
        }
        return new WeeklyHours(map);
    }

    private static List<TimeRange> parseDay(String calendarName, String key, List<String> texts) {
        if (texts == null) {
            return List.of(); // "SAT:" with nothing after it reads as closed, like an empty list
        }
        List<TimeRange> ranges = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            TimeRange.Result r = TimeRange.parse(text);
            if (r.error() != null) {
                throw new CalendarValidationException(calendarName,
                        "hours." + key + "[" + i + "] " + quote(text) + " " + r.error());
            }
            ranges.add(r.range());
        }
        Collections.sort(ranges);
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i - 1).overlaps(ranges.get(i))) {
                throw new CalendarValidationException(calendarName, "hours." + key + ": ranges "
                        + ranges.get(i - 1) + " and " + ranges.get(i) + " overlap");
            }
        }
        return List.copyOf(ranges);
    }

    private static String quote(String text) {
        return text == null ? "(empty)" : "\"" + text + "\"";
    }

    static Optional<DayOfWeek> weekday(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(k) || d.name().substring(0, 3).equals(k)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    List<TimeRange> on(DayOfWeek day) {
        return byDay.getOrDefault(day, List.of());
    }

    boolean isWorkingDay(DayOfWeek day) {
        return !on(day).isEmpty();
    }

    boolean isEmpty() {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (isWorkingDay(d)) {
                return false;
            }
        }
        return true;
    }
}
