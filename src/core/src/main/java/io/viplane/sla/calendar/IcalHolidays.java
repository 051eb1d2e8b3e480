package io.viplane.sla.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the closed dates of an iCalendar (RFC 5545) file of all-day events, such as the public
 * holiday feeds published for most countries.
 *
 * <p>Supported: {@code VEVENT}s with {@code DTSTART;VALUE=DATE:yyyymmdd} (or a bare 8-digit
 * date), an optional exclusive {@code DTEND;VALUE=DATE} or {@code DURATION:PnD}/{@code PnW} for
 * multi-day closures, an optional yearly {@code RRULE} (see {@link YearlyRule}) expanded up to a
 * last year, {@code EXDATE}/{@code RDATE} date lists, and {@code STATUS:CANCELLED} (skipped).
 * Folded lines, CRLF or LF endings, and other components (VTIMEZONE, VALARM) are handled.
 * Timed events are rejected: a half-day closure cannot be expressed as a holiday date, and
 * silently dropping it would hide the mistake.
 */
public final class IcalHolidays {
    /** Recurring events are expanded through the end of this year unless told otherwise. */
    public static final int DEFAULT_LAST_YEAR = 2100;
    /** Longest single event accepted, in days; longer ones are almost certainly a typo. */
    static final int MAX_EVENT_DAYS = 366;

    private static final DateTimeFormatter BASIC_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DAYS_OR_WEEKS = Pattern.compile("\\+?P(?:(\\d+)W|(\\d+)D)");

    private IcalHolidays() {
    }

    public static NavigableSet<LocalDate> read(Path file) throws IOException {
        return read(file, DEFAULT_LAST_YEAR);
    }

    public static NavigableSet<LocalDate> read(Path file, int lastYear) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), lastYear);
    }

    public static NavigableSet<LocalDate> parse(String ics) {
        return parse(ics, DEFAULT_LAST_YEAR);
    }

    /**
     * @param lastYear recurring events stop after this year; single events are always kept
     * @return the closed dates, sorted and unmodifiable
     * @throws IcalFormatException for anything that is not a supported all-day event
     */
    public static NavigableSet<LocalDate> parse(String ics, int lastYear) {
        NavigableSet<LocalDate> dates = new TreeSet<>();
        Deque<String> components = new ArrayDeque<>();
        Event event = null;
        for (Line line : unfold(ics)) {
            if (line.name().equals("BEGIN")) {
                components.push(line.value().toUpperCase(Locale.ROOT));
                if (components.peek().equals("VEVENT")) {
                    event = new Event(line.number());
                }
            } else if (line.name().equals("END")) {
                String ending = line.value().toUpperCase(Locale.ROOT);
                if (components.isEmpty() || !components.peek().equals(ending)) {
                    throw new IcalFormatException(line.number(), "END:" + line.value() + " without matching BEGIN");
                }
                components.pop();
                if (ending.equals("VEVENT")) {
                    event.addDatesTo(dates, lastYear);
                    event = null;
                }
            } else if (event != null && "VEVENT".equals(components.peek())) {
                event.accept(line);
            }
        }
        if (!components.isEmpty()) {
            throw new IcalFormatException(lineCount(ics), "BEGIN:" + components.peek() + " is never ended");
        }
        return Collections.unmodifiableNavigableSet(dates);
    }

    private record Line(int number, String name, String params, String value) {
        /** The value of a parameter such as VALUE in {@code DTSTART;VALUE=DATE:...}, or null. */
        String param(String param) {
            for (String p : params.split(";")) {
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(param)) {
                    return p.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
                }
            }
            return null;
        }
    }

    /** Joins folded lines (RFC 5545 3.1) and splits each into name, parameters and value. */
    private static List<Line> unfold(String ics) {
        String[] physical = ics.split("\r\n|\n|\r", -1);
        List<Line> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < physical.length; i++) {
            String p = physical[i];
            if (!p.isEmpty() && (p.charAt(0) == ' ' || p.charAt(0) == '\t') && current != null) {
                current.append(p, 1, p.length());
                continue;
            }
            if (current != null) {
                out.add(split(current.toString(), start));
            }
            current = p.isBlank() ? null : new StringBuilder(p);
            start = i + 1;
        }
        if (current != null) {
            out.add(split(current.toString(), start));
        }
        return out;
    }

    private static Line split(String text, int number) {
        int colon = -1;
        boolean quoted = false;
        for (int i = 0; i < text.length() && colon < 0; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                colon = i;
            }
        }
        if (colon < 0) {
            throw new IcalFormatException(number, "'" + text + "' is not NAME:VALUE");
        }
        String head = text.substring(0, colon);
        int semi = head.indexOf(';');
        String name = (semi < 0 ? head : head.substring(0, semi)).trim().toUpperCase(Locale.ROOT);
        String params = semi < 0 ? "" : head.substring(semi);
        return new Line(number, name, params, text.substring(colon + 1).trim());
    }

    private static int lineCount(String ics) {
        return ics.split("\r\n|\n|\r", -1).length;
    }

    static LocalDate date(String text, String what, int line) {
        try {
            return LocalDate.parse(text.trim(), BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new IcalFormatException(line, what + " '" + text + "' is not a date (yyyymmdd)");
        }
    }

    /** One VEVENT being read; turns into dates at its END. */
    private static final class Event {
        private final int beginLine;
        private LocalDate start;
        private LocalDate end;
        private Integer durationDays;
        private YearlyRule rule;
        private boolean cancelled;
        private final List<LocalDate> extraDates = new ArrayList<>();
        private final List<LocalDate> excluded = new ArrayList<>();

        Event(int beginLine) {
            this.beginLine = beginLine;
        }

        void accept(Line line) {
            switch (line.name()) {
                case "DTSTART" -> start = allDay(line, "DTSTART");
                case "DTEND" -> end = allDay(line, "DTEND");
                case "DURATION" -> durationDays = duration(line);
                case "RRULE" -> rule = YearlyRule.parse(line.value(), line.number());
                case "RDATE" -> extraDates.addAll(dateList(line, "RDATE"));
                case "EXDATE" -> excluded.addAll(dateList(line, "EXDATE"));
                case "STATUS" -> cancelled = line.value().equalsIgnoreCase("CANCELLED");
                default -> { } // SUMMARY, UID, DTSTAMP, ...: not needed for closed dates
            }
        }

        private static LocalDate allDay(Line line, String what) {
            String v = line.value();
            String type = line.param("VALUE");
            if (v.indexOf('T') >= 0 || (type != null && !type.equals("DATE"))) {
                throw new IcalFormatException(line.number(), what + " '" + v + "' is a date-time; only all-day"
                        + " events are supported (" + what + ";VALUE=DATE:yyyymmdd)");
            }
            return date(v, what, line.number());
        }

        private static List<LocalDate> dateList(Line line, String what) {
            List<LocalDate> out = new ArrayList<>();
            for (String part : line.value().split(",")) {
                if (part.indexOf('T') >= 0) {
                    throw new IcalFormatException(line.number(), what + " '" + part + "' is a date-time;"
                            + " only dates are supported");
                }
                out.add(date(part, what, line.number()));
            }
            return out;
        }

        private static int duration(Line line) {
            Matcher m = DAYS_OR_WEEKS.matcher(line.value().toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IcalFormatException(line.number(), "DURATION '" + line.value()
                        + "' is not whole days or weeks (e.g. P1D, P2W)");
            }
            long days = m.group(1) != null ? 7L * Long.parseLong(m.group(1)) : Long.parseLong(m.group(2));
            if (days < 1 || days > MAX_EVENT_DAYS) {
                throw new IcalFormatException(line.number(), "DURATION '" + line.value() + "' must be 1 to "
                        + MAX_EVENT_DAYS + " days");
            }
            return (int) days;
        }

        void addDatesTo(NavigableSet<LocalDate> dates, int lastYear) {
            if (cancelled) {
                return;
            }
            if (start == null) {
                throw new IcalFormatException(beginLine, "VEVENT has no DTSTART");
            }
            int days = spanDays();
            List<LocalDate> starts = new ArrayList<>(rule == null ? List.of(start) : rule.occurrences(start, lastYear));
            starts.addAll(extraDates);
            starts.removeAll(excluded);
            for (LocalDate s : starts) {
                for (int i = 0; i < days; i++) {
                    dates.add(s.plusDays(i));
                }
            }
        }

        private int spanDays() {
            if (end != null && durationDays != null) {
                throw new IcalFormatException(beginLine, "VEVENT has both DTEND and DURATION");
            }
            if (durationDays != null) {
                return durationDays;
            }
            if (end == null) {
                return 1; // RFC 5545: an all-day DTSTART without DTEND lasts one day
            }
            long days = ChronoUnit.DAYS.between(start, end);
            if (days < 1 || days > MAX_EVENT_DAYS) {
                throw new IcalFormatException(beginLine, "VEVENT from " + start + " has DTEND " + end
                        + "; DTEND is exclusive and must be 1 to " + MAX_EVENT_DAYS + " days after DTSTART");
            }
            return (int) days;
        }
    }
}
