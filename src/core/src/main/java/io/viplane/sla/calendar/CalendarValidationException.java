package io.viplane.sla.calendar;

/**
 * A calendar definition that cannot be used. Thrown when the calendar is built, so that a bad
 * policy file fails at load time instead of producing wrong deadlines (or endless scans) later.
 * The message always names the calendar and the offending entry.
 */
public final class CalendarValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String calendarName;
    private final String problem;

    public CalendarValidationException(String calendarName, String problem) {
        this(calendarName, problem, null);
    }

    public CalendarValidationException(String calendarName, String problem, Throwable cause) {
        super("calendar '" + calendarName + "': " + problem, cause);
        this.calendarName = calendarName;
        this.problem = problem;
    }

    public String calendarName() {
        return calendarName;
    }

    /** The message without the calendar name, for callers that prefix their own location. */
    public String problem() {
        return problem;
    }
}
