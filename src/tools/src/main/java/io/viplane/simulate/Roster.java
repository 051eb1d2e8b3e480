package io.viplane.simulate;

import io.viplane.model.AgentLevel;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Who works when and how long work takes ({@code --roster FILE}; default {@code simulate/roster.yaml}).
 * An agent works one ticket at a time, from assignment to solved; shifts are local times in a zone.
 */
record Roster(Work work, List<Group> groups, List<Leave> pto) {

    /** A member away from {@code from} to {@code to} (local dates in the member's zone, both included). */
    record Leave(String agent, java.time.LocalDate from, java.time.LocalDate to) {
        Leave {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("pto of " + agent + ": to " + to + " is before from " + from);
            }
        }
    }

    /**
     * Minutes from assignment to the first public reply (and from a customer's message to the answer), to
     * solved; hours from solved to a VIP ticket's follow-up check. Log-normal, by median and p90.
     */
    record Work(Spread replyMinutes, Spread solveMinutes, Spread followUpHours) {
    }

    record Spread(double median, double p90) {
        Spread {
            if (median <= 0 || p90 < median) {
                throw new IllegalArgumentException("a spread needs 0 < median <= p90, not " + median + " / " + p90);
            }
        }
    }

    /** {@code count} agents alike: their pools, level, tenure and shift. {@code days}: WEEKDAYS or ALL. */
    record Group(String name, List<String> pools, AgentLevel level, int count, int tenureMonths, String zone,
                 LocalTime start, LocalTime end, String days) {
        Group {
            pools = List.copyOf(pools);
            ZoneId.of(zone);
            if (!days.equals("WEEKDAYS") && !days.equals("ALL")) {
                throw new IllegalArgumentException("group " + name + ": days is WEEKDAYS or ALL, not " + days);
            }
            if (count < 0) {
                throw new IllegalArgumentException("group " + name + ": count >= 0");
            }
        }

        /** On shift at this instant; a shift may run past midnight (start after end). */
        boolean onShift(java.time.Instant at) {
            ZonedDateTime local = at.atZone(ZoneId.of(zone));
            LocalTime t = local.toLocalTime();
            boolean inHours = start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
            // A shift that started before midnight belongs to the day it started on.
            DayOfWeek day = !start.isBefore(end) && t.isBefore(end) ? local.getDayOfWeek().minus(1) : local.getDayOfWeek();
            boolean workday = days.equals("ALL") || (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY);
            return inHours && workday;
        }
    }

    Roster {
        groups = List.copyOf(groups);
        pto = List.copyOf(pto);
    }

    /** One simulated agent; ids are {@code sim-<group>-NN}, no names (no personal data in the outputs). */
    record Member(String id, Group group, List<Leave> leave) {
        Member(String id, Group group) {
            this(id, group, List.of());
        }

        boolean onLeave(java.time.Instant at) {
            java.time.LocalDate day = at.atZone(ZoneId.of(group.zone())).toLocalDate();
            return leave.stream().anyMatch(l -> !day.isBefore(l.from()) && !day.isAfter(l.to()));
        }

        /** At work: in a shift and not on leave. */
        boolean onShift(java.time.Instant at) {
            return group.onShift(at) && !onLeave(at);
        }
    }

    /** Every member; a PTO entry naming no member is an error, not a silent no-op. */
    List<Member> members() {
        List<Member> out = new ArrayList<>();
        for (Group g : groups) {
            for (int i = 1; i <= g.count(); i++) {
                String id = String.format("sim-%s-%02d", g.name(), i);
                out.add(new Member(id, g, pto.stream().filter(l -> l.agent().equals(id)).toList()));
            }
        }
        for (Leave l : pto) {
            if (out.stream().noneMatch(m -> m.id().equals(l.agent()))) {
                throw new IllegalArgumentException("pto names no agent of the roster: " + l.agent());
            }
        }
        return out;
    }
}
