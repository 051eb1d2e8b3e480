package io.viplane.sla.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Test helpers: calendars from YAML snippets as they would appear in a policy file, and times. */
final class Cals {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId UTC = ZoneId.of("UTC");

    private static final YAMLMapper YAML = new YAMLMapper();

    private Cals() {
    }

    static CalendarSpec spec(String yaml) {
        try {
            JsonNode node = YAML.readTree(yaml);
            return CalendarSpec.fromJson("test", node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A calendar named "test" from YAML, in the spec's own timezone. */
    static BusinessCalendar cal(String yaml) {
        return BusinessCalendar.of("test", spec(yaml), null);
    }

    /** Local wall-clock time in a zone; only for times that are neither in a gap nor an overlap. */
    static Instant local(String localDateTime, ZoneId zone) {
        LocalDateTime ldt = LocalDateTime.parse(localDateTime);
        if (zone.getRules().getValidOffsets(ldt).size() != 1) {
            throw new IllegalArgumentException(localDateTime + " is ambiguous or missing in " + zone
                    + "; use an explicit offset");
        }
        return ldt.atZone(zone).toInstant();
    }

    /** An instant with an explicit offset, e.g. "2026-11-01T01:30-05:00". */
    static Instant offset(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /** A UTC time such as "2026-03-08T07:00" (seconds optional). */
    static Instant utc(String text) {
        return LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
    }
}
