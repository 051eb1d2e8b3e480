package io.viplane.sla.calendar;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One local opening range of a weekday, in minutes since local midnight; {@code end} may be
 * 1440 ("24:00") so that a range can close exactly at the next midnight. Half-open: the end
 * minute itself is closed.
 */
record TimeRange(int startMinute, int endMinute) implements Comparable<TimeRange> {
    static final int MINUTES_PER_DAY = 24 * 60;

    private static final Pattern SYNTAX =
            Pattern.compile("\\s*(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s*");

    TimeRange {
        if (startMinute < 0 || endMinute > MINUTES_PER_DAY || startMinute >= endMinute) {
            throw new IllegalArgumentException("bad range " + startMinute + ".." + endMinute);
        }
    }

    static final TimeRange WHOLE_DAY = new TimeRange(0, MINUTES_PER_DAY);

    /**
     * Parses {@code "HH:MM-HH:MM"}. Returns the reason as the error text (not an exception) so
     * the caller can put it in a message that names the calendar and the weekday.
     */
    static Result parse(String text) {
        if (text == null) {
            return Result.error("is empty; expected \"HH:MM-HH:MM\"");
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Result.error("is malformed; expected \"HH:MM-HH:MM\" such as \"09:00-17:00\"");
        }
        Optional<Integer> start = minuteOfDay(m.group(1), m.group(2), false);
        if (start.isEmpty()) {
            return Result.error("has an invalid start time (00:00 to 23:59)");
        }
        Optional<Integer> end = minuteOfDay(m.group(3), m.group(4), true);
        if (end.isEmpty()) {
            return Result.error("has an invalid end time (00:01 to 24:00)");
        }
        if (start.get() >= end.get()) {
            return Result.error("is empty or inverted: the start must be before the end"
                    + " (use \"24:00\" to close at midnight)");
        }
        return new Result(new TimeRange(start.get(), end.get()), null);
    }

    private static Optional<Integer> minuteOfDay(String hh, String mm, boolean allowMidnightEnd) {
        int hours = Integer.parseInt(hh);
        int minutes = Integer.parseInt(mm);
        if (minutes > 59) {
            return Optional.empty();
        }
        if (hours == 24 && minutes == 0 && allowMidnightEnd) {
            return Optional.of(MINUTES_PER_DAY);
        }
        return hours <= 23 ? Optional.of(hours * 60 + minutes) : Optional.empty();
    }

    boolean overlaps(TimeRange other) {
        return startMinute < other.endMinute && other.startMinute < endMinute;
    }

    @Override
    public int compareTo(TimeRange o) {
        return startMinute != o.startMinute
                ? Integer.compare(startMinute, o.startMinute)
                : Integer.compare(endMinute, o.endMinute);
    }

    @Override
    public String toString() {
        return format(startMinute) + "-" + format(endMinute);
    }

    private static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    /** Either a range or the reason the text is not one. */
    record Result(TimeRange range, String error) {
        static Result error(String reason) {
            return new Result(null, reason);
        }
    }
}
