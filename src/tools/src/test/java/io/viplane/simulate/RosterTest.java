package io.viplane.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.AgentLevel;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {
    @TempDir
    Path dir;

    private static Roster.Group group(String start, String end, String days) {
        return new Roster.Group("g", List.of("GENERAL"), AgentLevel.L1, 1, 12, "America/New_York",
                LocalTime.parse(start), LocalTime.parse(end), days);
    }

    @Test
    void shiftsAreLocalTimesAndANightShiftBelongsToTheDayItStarted() {
        Roster.Group day = group("09:00", "18:00", "WEEKDAYS");
        assertTrue(day.onShift(Instant.parse("2026-01-05T14:00:00Z")), "Monday 09:00 New York");
        assertFalse(day.onShift(Instant.parse("2026-01-05T13:59:00Z")), "08:59");
        assertFalse(day.onShift(Instant.parse("2026-01-05T23:00:00Z")), "18:00: the shift is over");
        assertFalse(day.onShift(Instant.parse("2026-01-10T15:00:00Z")), "Saturday");
        Roster.Group night = group("22:00", "06:00", "WEEKDAYS");
        assertTrue(night.onShift(Instant.parse("2026-01-10T08:00:00Z")), "Saturday 03:00: Friday's night shift");
        assertFalse(night.onShift(Instant.parse("2026-01-11T08:00:00Z")), "Sunday 03:00: Saturday has no shift");
        assertTrue(group("00:00", "00:00", "ALL").onShift(Instant.parse("2026-01-11T08:00:00Z")), "round the clock");
    }

    @Test
    void theShippedRosterIsSeed000sTeam() {
        Roster r = SimFiles.read(null, "roster.yaml", Roster.class);
        assertEquals(34, r.members().size());
        assertEquals(5, r.members().stream().filter(m -> m.group().pools().contains("TIER1_SENIOR")).count(),
                "the dedicated senior pool of five");
        assertEquals(12, r.members().stream().filter(m -> m.group().pools().contains("L2_PLUS")).count());
        assertTrue(r.members().stream().allMatch(m -> m.id().startsWith("sim-")), "ids, no names");
    }

    @Test
    void aMisspeltOrUnknownKeyIsAnErrorNamingIt() throws Exception {
        String shipped = Files.readString(Path.of("src/tools/src/main/resources/simulate/roster.yaml"));
        Path misspelt = dir.resolve("misspelt.yaml");
        Files.writeString(misspelt, shipped.replace("solve_minutes", "solve_minutse"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> SimFiles.read(misspelt, "roster.yaml", Roster.class));
        assertTrue(e.getMessage().startsWith(misspelt + ": ") && e.getMessage().contains("'solve_minutes'"), e.getMessage());
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, shipped.replace("count: 1,", "count: 1, colour: blue,"));
        e = assertThrows(UncheckedIOException.class, () -> SimFiles.read(unknown, "roster.yaml", Roster.class));
        assertTrue(e.getMessage().contains("\"colour\""), e.getMessage());
    }

    @Test
    void anAgentOnLeaveIsNotAtWorkAndALeaveForNobodyIsAnError() {
        Roster r = SimFiles.read(null, "roster.yaml", Roster.class);
        Roster.Member away = r.members().stream().filter(m -> m.id().equals("sim-l2-amer-08")).findFirst().orElseThrow();
        assertFalse(away.onShift(Instant.parse("2026-01-13T15:00:00Z")), "Tuesday 10:00 New York, on PTO");
        assertTrue(away.onLeave(Instant.parse("2026-01-13T15:00:00Z")));
        assertTrue(away.onShift(Instant.parse("2026-01-19T15:00:00Z")), "back the next Monday");
        Roster typo = new Roster(r.work(), r.groups(), List.of(new Roster.Leave("sim-l2-amer-99",
                java.time.LocalDate.parse("2026-01-12"), java.time.LocalDate.parse("2026-01-16"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, typo::members);
        assertEquals("pto names no agent of the roster: sim-l2-amer-99", e.getMessage());
    }
}
