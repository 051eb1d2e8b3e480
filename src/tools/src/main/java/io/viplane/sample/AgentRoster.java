package io.viplane.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The support team of seed 000: a five-agent tier-1 pool (Sarah M., Tom R., Lisa K., Alex P.,
 * Maria L.), twelve L2+ agents (David K. on PTO), tenured and newly hired L1s, team leads,
 * managers and a support VP. Names are fixed so the demo can talk about "Sarah"; tenure and
 * load come from the seed.
 */
final class AgentRoster {
    static final String TIER1_SENIOR = "TIER1_SENIOR";
    static final String L2_PLUS = "L2_PLUS";
    static final String L1_TENURED = "L1_TENURED";
    static final String GENERAL = "GENERAL";

    record SampleAgent(String id, String name, String level, LocalDate hiredOn, List<String> pools,
                       List<String> skills, String status, int openTickets, int openVipTickets) {
        boolean takesWork() {
            return status.equals("AVAILABLE") || status.equals("BUSY");
        }

        ObjectNode toJson(Instant updatedAt) {
            ObjectNode n = Json.object();
            n.put("agent_id", id);
            n.put("name", name);
            n.put("level", level);
            n.put("hired_on", hiredOn.toString());
            ArrayNode p = n.putArray("pools");
            pools.forEach(p::add);
            ArrayNode s = n.putArray("skills");
            skills.forEach(s::add);
            n.put("status", status);
            n.put("open_tickets", openTickets);
            n.put("open_vip_tickets", openVipTickets);
            n.put("updated_at", Json.instant(updatedAt));
            return n;
        }
    }

    private record Row(String name, String level, String pool, String status, List<String> skills) {
    }

    private static final List<String> ALL_ROUND = List.of("billing", "sso", "api", "outage", "migration");
    private static final List<Row> ROWS = List.of(
            new Row("Sarah Mitchell", "L3", TIER1_SENIOR, "BUSY", ALL_ROUND),
            new Row("Tom Reyes", "L3", TIER1_SENIOR, "AVAILABLE", ALL_ROUND),
            new Row("Lisa Kowalski", "L3", TIER1_SENIOR, "AVAILABLE", List.of("sso", "api", "outage", "lang:de")),
            new Row("Alex Petrov", "L3", TIER1_SENIOR, "AVAILABLE", List.of("billing", "api", "migration")),
            new Row("Maria Lindgren", "L3", TIER1_SENIOR, "AVAILABLE", List.of("billing", "sso", "lang:zh")),
            new Row("David Kearney", "L2", L2_PLUS, "PTO", List.of("api", "migration")),
            new Row("Wei Chen", "L3", L2_PLUS, "AVAILABLE", List.of("api", "outage", "lang:zh")),
            new Row("Rachel Okoye", "L3", L2_PLUS, "BUSY", List.of("sso", "api")),
            new Row("Jonas Becker", "L2", L2_PLUS, "AVAILABLE", List.of("billing", "lang:de")),
            new Row("Hannah Price", "L2", L2_PLUS, "AVAILABLE", List.of("billing", "sso")),
            new Row("Marcus Bell", "L3", L2_PLUS, "AVAILABLE", List.of("outage", "api")),
            new Row("Grace Tanaka", "L2", L2_PLUS, "AWAY", List.of("migration", "api")),
            new Row("Omar Haddad", "L2", L2_PLUS, "AVAILABLE", List.of("sso", "migration")),
            new Row("Chloe Dubois", "L2", L2_PLUS, "BUSY", List.of("billing")),
            new Row("Ben Whitfield", "L2", L2_PLUS, "AVAILABLE", List.of("api")),
            new Row("Yan Liu", "L2", L2_PLUS, "AVAILABLE", List.of("billing", "lang:zh")),
            new Row("Nadia Rahman", "L2", L2_PLUS, "AVAILABLE", List.of("sso", "outage")),
            new Row("Kevin Ortiz", "L1", L1_TENURED, "AVAILABLE", List.of("billing")),
            new Row("Emily Sato", "L1", L1_TENURED, "BUSY", List.of("sso")),
            new Row("Luca Romano", "L1", L1_TENURED, "AVAILABLE", List.of("api")),
            new Row("Zoe Fischer", "L1", L1_TENURED, "AVAILABLE", List.of("billing", "lang:de")),
            new Row("Ming Zhao", "L1", L1_TENURED, "OFFLINE", List.of("api", "lang:zh")),
            new Row("Sam Carter", "L1", L1_TENURED, "AVAILABLE", List.of("migration")),
            new Row("Ivy Morgan", "L1", L1_TENURED, "BUSY", List.of("billing")),
            new Row("Pedro Alves", "L1", L1_TENURED, "AVAILABLE", List.of("sso")),
            new Row("Ruth Adeyemi", "L1", L1_TENURED, "AVAILABLE", List.of("api")),
            new Row("Tariq Aziz", "L1", L1_TENURED, "AVAILABLE", List.of("billing")),
            new Row("Ella Novak", "L1", GENERAL, "AVAILABLE", List.of("billing")),
            new Row("Jack Hughes", "L1", GENERAL, "AVAILABLE", List.of()),
            new Row("Mei Lin", "L1", GENERAL, "AVAILABLE", List.of("lang:zh")),
            new Row("Noah Brooks", "L1", GENERAL, "BUSY", List.of()),
            new Row("Aisha Bello", "L1", GENERAL, "AVAILABLE", List.of("sso")),
            new Row("Finn Larsen", "L1", GENERAL, "OFFLINE", List.of()),
            new Row("Sofia Marin", "L1", GENERAL, "AVAILABLE", List.of("billing")),
            new Row("Daniel Osei", "TEAM_LEAD", "", "AVAILABLE", ALL_ROUND),
            new Row("Laura Meyer", "TEAM_LEAD", "", "AVAILABLE", ALL_ROUND),
            new Row("Ravi Menon", "TEAM_LEAD", "", "AVAILABLE", ALL_ROUND),
            new Row("Claire Dawson", "MANAGER", "", "AVAILABLE", List.of()),
            new Row("Victor Huang", "MANAGER", "", "AVAILABLE", List.of()),
            new Row("Priya Raman", "VP", "", "AVAILABLE", List.of()));

    final List<SampleAgent> agents;

    private AgentRoster(List<SampleAgent> agents) {
        this.agents = agents;
    }

    static AgentRoster build(Dice dice, LocalDate day) {
        List<SampleAgent> agents = new ArrayList<>();
        for (int i = 0; i < ROWS.size(); i++) {
            Row r = ROWS.get(i);
            // Newly hired L1s (< 6 months) stay out of L1_TENURED: T3 tickets need >= 6 months tenure.
            int tenureDays = switch (r.pool) {
                case GENERAL -> dice.between(20, 170);
                case L1_TENURED -> dice.between(200, 1100);
                case L2_PLUS -> dice.between(500, 2200);
                default -> dice.between(1100, 3600);
            };
            List<String> pools = switch (r.pool) {
                case "" -> List.of();
                case L1_TENURED -> List.of(L1_TENURED, GENERAL);
                default -> List.of(r.pool);
            };
            int[] load = load(i, r, dice);
            agents.add(new SampleAgent(String.format("agt-%02d", i + 1), r.name, r.level,
                    day.minusDays(tenureDays), pools, r.skills, r.status, load[0], load[1]));
        }
        return new AgentRoster(agents);
    }

    /** Open tickets and open VIP tickets; the tier-1 pool carries the seed's uneven VIP load. */
    private static int[] load(int index, Row r, Dice dice) {
        if (r.status.equals("PTO") || r.status.equals("OFFLINE")) {
            return new int[] {0, 0};
        }
        return switch (r.pool) {
            case TIER1_SENIOR -> new int[][] {{11, 4}, {9, 3}, {8, 2}, {8, 2}, {7, 1}}[index];
            case L2_PLUS -> new int[] {dice.between(4, 10), dice.between(0, 3)};
            case L1_TENURED -> new int[] {dice.between(6, 14), dice.between(0, 2)};
            case GENERAL -> new int[] {dice.between(3, 8), 0};
            default -> new int[] {dice.between(0, 2), 0};
        };
    }

    List<SampleAgent> inPool(String pool) {
        return agents.stream().filter(a -> a.pools().contains(pool) && a.takesWork()).toList();
    }

    SampleAgent byName(String firstName) {
        return agents.stream().filter(a -> a.name().startsWith(firstName + " ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agent " + firstName));
    }
}
