package io.viplane.sla.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One calendar exactly as written under {@code calendars:} in a policy file (snake_case keys).
 * Nothing is checked here: the spec is raw input, and {@link BusinessCalendar#of} validates it
 * so that every problem is reported with the calendar's name. Collections are copied and
 * unmodifiable but may contain nulls, because a YAML typo such as an empty list item must reach
 * validation rather than fail with an anonymous NullPointerException.
 *
 * <pre>
 * business-hours:
 *   timezone: America/New_York          # default zone; an account's own timezone overrides it
 *   hours:                              # weekday -> local ranges; days not listed are closed
 *     MON: ["09:00-12:00", "13:00-17:00"]
 *     TUE: ["22:00-24:00"]
 *   holidays: ["2026-12-25"]            # local dates, closed all day
 *   ical: holidays/us.ics               # optional, relative to the policy file's folder
 * always:
 *   always_open: true                   # 24/7
 * </pre>
 *
 * @param timezone   IANA zone id, or null when every account using the calendar has its own
 * @param hours      weekday key (MON..SUN or MONDAY..SUNDAY, any case) to ranges "HH:MM-HH:MM"
 * @param holidays   ISO local dates (yyyy-MM-dd) on which the calendar is closed all day
 * @param ical       path of an iCalendar file of all-day holiday events, or null
 * @param alwaysOpen true for a 24/7 calendar; then {@code hours} must be absent
 */
public record CalendarSpec(
        String timezone,
        Map<String, List<String>> hours,
        List<String> holidays,
        String ical,
        @JsonProperty("always_open") Boolean alwaysOpen) {

    // ObjectReader is immutable and thread-safe, so sharing one is not shared mutable state.
    // A lone string where a list is expected (MON: "09:00-17:00") is read as a one-item list.
    private static final ObjectReader READER = new ObjectMapper().readerFor(CalendarSpec.class)
            .with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    public CalendarSpec {
        hours = hours == null ? Map.of() : Collections.unmodifiableMap(copyHours(hours));
        holidays = holidays == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(holidays));
    }

    private static Map<String, List<String>> copyHours(Map<String, List<String>> hours) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        hours.forEach((day, ranges) -> copy.put(day,
                ranges == null ? null : Collections.unmodifiableList(new ArrayList<>(ranges))));
        return copy;
    }

    /** A 24/7 calendar without holidays. */
    public static CalendarSpec alwaysOpenSpec() {
        return new CalendarSpec(null, null, null, null, true);
    }

    /** A weekly calendar without an iCalendar file. */
    public static CalendarSpec of(String timezone, Map<String, List<String>> hours, List<String> holidays) {
        return new CalendarSpec(timezone, hours, holidays, null, false);
    }

    public boolean isAlwaysOpen() {
        return Boolean.TRUE.equals(alwaysOpen);
    }

    /**
     * Binds one calendar's JSON/YAML tree (e.g. a value of the policy's {@code calendars} map).
     * Unknown keys are rejected so that a misspelt {@code holiday:} does not silently drop the
     * holidays; a single string is accepted where a list is expected.
     *
     * @throws CalendarValidationException naming the calendar and the bad key or value
     */
    public static CalendarSpec fromJson(String calendarName, JsonNode node) {
        if (node == null || node.isNull() || !node.isObject()) {
            throw new CalendarValidationException(calendarName,
                    "must be a mapping with timezone, hours, holidays, ical or always_open");
        }
        try {
            return READER.readValue(node);
        } catch (UnrecognizedPropertyException e) {
            throw new CalendarValidationException(calendarName, "unknown key '" + e.getPropertyName()
                    + "' (known: timezone, hours, holidays, ical, always_open)", e);
        } catch (JsonProcessingException e) {
            throw new CalendarValidationException(calendarName,
                    "cannot be read: " + e.getOriginalMessage() + " at " + pathOf(e), e);
        } catch (java.io.IOException e) {
            throw new CalendarValidationException(calendarName, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var ref : m.getPath()) {
                sb.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return sb.substring(sb.charAt(0) == '.' ? 1 : 0);
        }
        return "(root)";
    }
}
