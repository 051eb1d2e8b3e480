package io.viplane.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.model.Tier;
import io.viplane.topology.RunnablePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one simulated month measured, from the topology's own SLA events and escalations. */
record Figures(String ordering, String policy, int days, Map<Tier, TierFigures> tiers, Map<String, Integer> escalations,
               Map<String, Double> vipShareByAgent, long longestStandardWaitMinutes, int unanswered, int interruptions,
               int deadLetters,
               double[] vipAttainmentByDay, int[] standardWaitBuckets, int[] vipMissesByHour) {

    /** Upper bounds (calendar minutes) of the STANDARD wait buckets; the last bucket is everything longer. */
    static final int[] WAIT_BUCKETS = {30, 60, 120, 240, 480};

    /**
     * One tier. First response in the SLA's own minutes (the business minutes of the MET event; a T1 clock
     * runs 24/7) over the {@code answered} tickets; attainment: the share of all the tier's tickets met
     * without a breach (a ticket still unanswered when the run ends counts as a miss).
     */
    record TierFigures(int tickets, int answered, int met, int breached, double averageMinutes, long p90Minutes,
                       int targetMinutes) {
        double attainment() {
            return tickets == 0 ? Double.NaN : (double) met / tickets;
        }

        int missed() {
            return tickets - met;
        }
    }

    /** The running count of one simulation: per ticket, per agent, per escalation kind. */
    static final class Tally {
        private static final class Ticket {
            Instant createdAt;
            Tier tier = Tier.STANDARD;
            Instant repliedAt;
            Integer firstResponseMinutes;
            boolean breached;
        }

        private final Map<String, Ticket> tickets = new HashMap<>();
        private final Map<String, Integer> escalations = new TreeMap<>();
        private final Map<String, int[]> agents = new TreeMap<>();
        int deadLetters;
        int agentDeadLetters;
        int interruptions;

        void created(String id, Instant at) {
            Ticket t = new Ticket();
            t.createdAt = at;
            tickets.put(id, t);
        }

        void tier(String id, Tier tier) {
            Ticket t = tickets.get(id);
            if (t != null) {
                t.tier = tier;
            }
        }

        void replied(String id, Instant at) {
            tickets.get(id).repliedAt = at;
        }

        void taken(String id, String agent, boolean vip) {
            int[] a = agents.computeIfAbsent(agent, k -> new int[2]);
            a[0]++;
            a[1] += vip ? 1 : 0;
        }

        void sla(JsonNode e) {
            Ticket t = tickets.get(e.path("ticket_id").asText());
            if (t == null || !e.path("metric").asText().equals("FIRST_RESPONSE")) {
                return;
            }
            switch (e.path("state").asText()) {
                case "BREACHED" -> t.breached = true;
                case "MET" -> t.firstResponseMinutes = e.path("elapsed_minutes").asInt();
                default -> { }
            }
        }

        void escalation(JsonNode e) {
            escalations.merge(e.path("kind").asText(), 1, Integer::sum);
        }

        Figures figures(String ordering, RunnablePolicy policy, Instant start, int days) {
            Map<Tier, TierFigures> tiers = new EnumMap<>(Tier.class);
            for (Tier tier : Tier.values()) {
                List<Ticket> in = tickets.values().stream().filter(t -> t.tier == tier).toList();
                List<Integer> minutes = new ArrayList<>(in.stream().filter(t -> t.firstResponseMinutes != null)
                        .map(t -> t.firstResponseMinutes).sorted().toList());
                int met = (int) in.stream().filter(t -> t.firstResponseMinutes != null && !t.breached).count();
                int breached = (int) in.stream().filter(t -> t.breached).count();
                double avg = minutes.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
                long p90 = minutes.isEmpty() ? -1 : minutes.get((int) Math.ceil(0.9 * minutes.size()) - 1);
                tiers.put(tier, new TierFigures(in.size(), minutes.size(), met, breached, avg, p90,
                        policy.policy().entitlement(tier).firstResponseMinutes()));
            }
            Map<String, Double> share = new TreeMap<>();
            agents.forEach((id, a) -> share.put(id, a[0] == 0 ? 0 : (double) a[1] / a[0]));
            long longest = tickets.values().stream().filter(t -> t.tier == Tier.STANDARD && t.repliedAt != null)
                    .mapToLong(t -> Duration.between(t.createdAt, t.repliedAt).toMinutes()).max().orElse(0);
            int unanswered = (int) tickets.values().stream().filter(t -> t.repliedAt == null).count();
            return new Figures(ordering, policy.policy().name(), days, tiers, Map.copyOf(escalations), share, longest,
                    unanswered, interruptions, deadLetters + agentDeadLetters, vipByDay(start, days), standardWaits(),
                    vipMissesByHour());
        }

        /** VIP first responses missed, by the UTC hour the ticket was created: where the roster is thin. */
        private int[] vipMissesByHour() {
            int[] out = new int[24];
            tickets.values().stream().filter(t -> t.tier != Tier.STANDARD && t.breached)
                    .forEach(t -> out[t.createdAt.atZone(java.time.ZoneOffset.UTC).getHour()]++);
            return out;
        }

        /** Per day of creation: the share of VIP first responses met without a breach (NaN: none decided). */
        private double[] vipByDay(Instant start, int days) {
            int[] met = new int[days];
            int[] decided = new int[days];
            for (Ticket t : tickets.values()) {
                int day = (int) Duration.between(start, t.createdAt).toDays();
                if (t.tier == Tier.STANDARD || day < 0 || day >= days || (t.firstResponseMinutes == null && !t.breached)) {
                    continue;
                }
                decided[day]++;
                met[day] += t.breached ? 0 : 1;
            }
            double[] out = new double[days];
            for (int d = 0; d < days; d++) {
                out[d] = decided[d] == 0 ? Double.NaN : (double) met[d] / decided[d];
            }
            return out;
        }

        private int[] standardWaits() {
            int[] out = new int[WAIT_BUCKETS.length + 1];
            for (Ticket t : tickets.values()) {
                if (t.tier != Tier.STANDARD || t.repliedAt == null) {
                    continue;
                }
                long m = Duration.between(t.createdAt, t.repliedAt).toMinutes();
                int b = 0;
                while (b < WAIT_BUCKETS.length && m > WAIT_BUCKETS[b]) {
                    b++;
                }
                out[b]++;
            }
            return out;
        }
    }
}
