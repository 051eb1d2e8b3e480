package io.viplane.sla.calendar;

/** An iCalendar text that {@link IcalHolidays} cannot turn into holiday dates, with its line. */
public final class IcalFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    IcalFormatException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** 1-based line (of the unfolded property's first physical line). */
    public int line() {
        return line;
    }
}
