package io.viplane.sla.clock;

import static io.viplane.sla.clock.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.viplane.model.SlaMetric;
import io.viplane.model.SlaState;
import io.viplane.model.SlaWindowMetrics;
import io.viplane.model.Tier;
import org.junit.jupiter.api.Test;

class SlaWindowStatsTest {
    private static SlaTransition tr(SlaMetric metric, SlaState state, long elapsed, boolean afterBreach) {
        return new SlaTransition(metric, at("10:00"), state, at("10:15"), at("10:10"), elapsed, 15, null, afterBreach);
    }

    @Test
    void foldsTicketsFirstResponsesAttainmentBreachesAndEscalations() {
        SlaWindowStats s = new SlaWindowStats();
        for (int i = 1; i <= 20; i++) {
            s.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.STARTED, 0, false));
            s.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.MET, 5L * i, false)); // 5, 10, ..., 100
        }
        s.add(tr(SlaMetric.NEXT_REPLY, SlaState.STARTED, 0, false));
        s.add(tr(SlaMetric.NEXT_REPLY, SlaState.WARNING, 23, false));
        for (int i = 0; i < 4; i++) {
            s.add(tr(SlaMetric.NEXT_REPLY, SlaState.BREACHED, 30, false));
        }
        s.add(tr(SlaMetric.NEXT_REPLY, SlaState.MET, 45, true));
        s.escalated();
        s.escalated();

        assertEquals(20, s.tickets, "one FIRST_RESPONSE start per ticket");
        assertEquals(52.5, s.firstResponseAvgMinutes(), 1e-9);
        assertEquals(90L, s.firstResponseP90Minutes(), "18th of 20 sorted values");
        assertEquals(4, s.breaches);
        assertEquals(100.0 * 20 / 24, s.attainmentPct(), 1e-9, "the MET after a breach counts as breached");
        assertEquals(2, s.escalations);
    }

    @Test
    void emptyWindowHasNoAveragesAndNoAttainment() {
        SlaWindowStats s = new SlaWindowStats();
        assertNull(s.firstResponseAvgMinutes());
        assertNull(s.firstResponseP90Minutes());
        assertNull(s.attainmentPct());
    }

    @Test
    void histogramBucketsAreBounded() {
        assertEquals(119, SlaWindowStats.bucket(119));
        assertEquals(120, SlaWindowStats.bucket(134));
        assertEquals(135, SlaWindowStats.bucket(135));
        assertEquals(1440, SlaWindowStats.bucket(1499));
        assertEquals(30 * 1440, SlaWindowStats.bucket(1_000_000));
        SlaWindowStats s = new SlaWindowStats();
        for (long m = 0; m < 60 * 1440; m += 7) {
            s.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.MET, m, false));
        }
        assertEquals(true, s.firstResponseHistogram.size() < 1000, "size " + s.firstResponseHistogram.size());
    }

    @Test
    void recordCarriesTheGapToStandard() {
        SlaWindowStats vip = new SlaWindowStats();
        vip.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.STARTED, 0, false));
        vip.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.MET, 10, false));
        SlaWindowStats standard = new SlaWindowStats();
        standard.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.MET, 70, false));
        standard.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.MET, 90, false));

        SlaWindowMetrics r = vip.toRecord(Tier.T1, "HOUR", at("10:00"), at("11:00"), standard);
        assertEquals(Tier.T1, r.getTier());
        assertEquals("HOUR", r.getWindow());
        assertEquals(at("10:00"), r.getWindowStart());
        assertEquals(at("11:00"), r.getWindowEnd());
        assertEquals(1L, r.getTickets());
        assertEquals(10.0, r.getFirstResponseAvgMinutes());
        assertEquals(10L, r.getFirstResponseP90Minutes());
        assertEquals(100.0, r.getAttainmentPct());
        assertEquals(70.0, r.getVipStandardGapMinutes(), "standard waited 80 min on average, T1 10");
        assertNull(standard.toRecord(Tier.STANDARD, "HOUR", at("10:00"), at("11:00"), standard).getVipStandardGapMinutes());
        assertNull(vip.toRecord(Tier.T1, "DAY", at("10:00"), at("11:00"), null).getVipStandardGapMinutes());
    }

    @Test
    void survivesCborRoundTrip() {
        SlaWindowStats s = new SlaWindowStats();
        s.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.STARTED, 0, false));
        s.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.MET, 200, false));
        s.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.BREACHED, 15, false));
        s.escalated("SLA_BREACH");
        SlaWindowStats back = Fixtures.cbor(s, SlaWindowStats.class);
        assertEquals(s.firstResponseHistogram, back.firstResponseHistogram);
        assertEquals(s.toRecord(Tier.T2, "DAY", at("00:00"), at("d2 00:00"), null),
                back.toRecord(Tier.T2, "DAY", at("00:00"), at("d2 00:00"), null));
    }

    @Test
    void escalationRatePerHundredTicketsPerKindAndUpTheLadder() {
        SlaWindowStats s = new SlaWindowStats();
        for (int i = 0; i < 40; i++) {
            s.add(tr(SlaMetric.FIRST_RESPONSE, SlaState.STARTED, 0, false));
        }
        s.escalated("EXECUTIVE_ESCALATION");
        s.escalated("EXECUTIVE_ESCALATION");
        s.escalated("SLA_BREACH");
        s.escalated("SLA_WARNING");
        s.escalated("CSM_ALERT");
        var r = s.toRecord(Tier.T1, "DAY", at("00:00"), at("d2 00:00"), null);
        assertEquals(5, r.getEscalations());
        assertEquals(12.5, r.getEscalationsPer100Tickets(), 1e-9);
        assertEquals(3L, r.getLadderEscalations(), "warnings and CSM alerts are notices, not the ladder");
        assertEquals(7.5, r.getLadderEscalationsPer100Tickets(), 1e-9);
        assertEquals(java.util.List.of("CSM_ALERT", "EXECUTIVE_ESCALATION", "SLA_BREACH", "SLA_WARNING"),
                r.getEscalationsByKind().stream().map(k -> k.getKind()).toList());
        assertEquals(5.0, r.getEscalationsByKind().get(1).getPer100Tickets(), 1e-9);
        var none = new SlaWindowStats().toRecord(Tier.T1, "DAY", at("00:00"), at("d2 00:00"), null);
        assertEquals(null, none.getEscalationsPer100Tickets(), "no rate without tickets");
    }
}
