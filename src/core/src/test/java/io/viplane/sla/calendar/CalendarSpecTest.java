package io.viplane.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec binds the policy file's YAML as written, and builds calendars from it. */
class CalendarSpecTest {
    private static final String POLICY = """
            calendars:
              business-hours:            # the name accounts refer to in their `calendar` field
                timezone: America/New_York   # default zone; the account's own `timezone` overrides it
                hours:
                  MON: ["09:00-12:00", "13:00-17:00"]
                  TUE: ["09:00-17:00"]
                holidays: ["2026-12-25", "2027-01-01"]
                ical: calendar/us-holidays.ics
              always:
                always_open: true
            """;

    @Test
    void bindsThePolicyYamlDirectly() throws Exception {
        JsonNode root = new YAMLMapper().readTree(POLICY);
        Map<String, CalendarSpec> specs = new YAMLMapper().convertValue(root.get("calendars"), new TypeReference<>() {
        });
        CalendarSpec business = specs.get("business-hours");
        assertEquals("America/New_York", business.timezone());
        assertEquals(List.of("MON", "TUE"), new ArrayList<>(business.hours().keySet()));
        assertEquals(List.of("09:00-12:00", "13:00-17:00"), business.hours().get("MON"));
        assertEquals(List.of("2026-12-25", "2027-01-01"), business.holidays());
        assertEquals("calendar/us-holidays.ics", business.ical());
        assertFalse(business.isAlwaysOpen());
        assertTrue(specs.get("always").isAlwaysOpen());
        assertNull(specs.get("always").timezone());
        assertEquals(business, CalendarSpec.fromJson("business-hours", root.at("/calendars/business-hours")));
    }

    @Test
    void buildsBothCalendarsOfThePolicy() throws Exception {
        JsonNode calendars = new YAMLMapper().readTree(POLICY).get("calendars");
        Path policyFolder = Path.of(getClass().getResource("/calendar/us-holidays.ics").toURI()).getParent().getParent();

        BusinessCalendar business = BusinessCalendar.of("business-hours",
                CalendarSpec.fromJson("business-hours", calendars.get("business-hours")), null, policyFolder);
        assertEquals(ZoneId.of("America/New_York"), business.zone());
        assertTrue(business.holidays().contains(LocalDate.parse("2026-12-25")));
        assertTrue(business.holidays().contains(LocalDate.parse("2027-11-25")), "Thanksgiving 2027 from the .ics file");
        // Memorial Day (Mon 2026-05-25, last Monday of May) comes from the .ics rule: the clock
        // runs Tuesday 16:00-17:00, skips that Monday, and resumes the Tuesday after.
        assertEquals(Cals.local("2026-05-26T10:00", Cals.NEW_YORK),
                business.addBusinessMinutes(Cals.local("2026-05-19T16:00", Cals.NEW_YORK), 120));

        BusinessCalendar always = BusinessCalendar.of("always", CalendarSpec.fromJson("always", calendars.get("always")),
                ZoneId.of("Europe/Berlin"), policyFolder);
        assertTrue(always.isContinuous());
        Instant t = Instant.parse("2026-11-01T05:50:00Z");
        assertEquals(t.plusSeconds(15 * 60), always.addBusinessMinutes(t, 15));
    }

    @Test
    void accountZoneOverridesSpecZone() throws Exception {
        CalendarSpec spec = CalendarSpec.fromJson("business-hours", new YAMLMapper().readTree(POLICY)
                .at("/calendars/business-hours"));
        BusinessCalendar berlin = BusinessCalendar.of("business-hours", spec, ZoneId.of("Europe/Berlin"),
                List.of());
        assertEquals(Cals.local("2026-06-01T09:00", Cals.BERLIN), berlin.nextOpening(Cals.local("2026-06-01T07:00", Cals.BERLIN)));
    }

    @Test
    void singleStringsAreOneItemLists() {
        CalendarSpec spec = Cals.spec("""
                timezone: UTC
                hours: {MON: "09:00-17:00"}
                holidays: 2026-12-28
                """);
        assertEquals(List.of("09:00-17:00"), spec.hours().get("MON"));
        assertEquals(List.of("2026-12-28"), spec.holidays());
    }

    @Test
    void specIsImmutable() {
        List<String> holidays = new ArrayList<>(List.of("2026-12-25"));
        CalendarSpec spec = CalendarSpec.of("UTC", Map.of("MON", List.of("09:00-17:00")), holidays);
        holidays.add("2026-12-26");
        assertEquals(List.of("2026-12-25"), spec.holidays());
        assertThrows(UnsupportedOperationException.class, () -> spec.holidays().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> spec.hours().put("TUE", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> spec.hours().get("MON").add("x"));
    }
}
