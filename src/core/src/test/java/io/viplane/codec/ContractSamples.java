package io.viplane.codec;

import io.viplane.model.Account;
import io.viplane.model.AccountContext;
import io.viplane.model.AccountFlag;
import io.viplane.model.Agent;
import io.viplane.model.AgentLevel;
import io.viplane.model.AgentStatus;
import io.viplane.model.AtRiskAccount;
import io.viplane.model.Badge;
import io.viplane.model.Channel;
import io.viplane.model.Contact;
import io.viplane.model.ContactRole;
import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.RiskLevel;
import io.viplane.model.RoutedTicket;
import io.viplane.model.SentimentEvent;
import io.viplane.model.SentimentLabel;
import io.viplane.model.SlaEvent;
import io.viplane.model.SlaMetric;
import io.viplane.model.SlaState;
import io.viplane.model.SlaWindowMetrics;
import io.viplane.model.TicketEvent;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketPriority;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * One hand-written sample per contract value type, twice: with every optional field set and with
 * only the required ones. Each comes as the Java value and as the JSON a producer would write by
 * reading CONTRACT.md, so the tests check the codecs against the contract, not against themselves.
 */
final class ContractSamples {

    /** @param fullJson and minimalJson are the contract's edge form of full and minimal */
    record Sample(Class<? extends SpecificRecord> type, SpecificRecord full, String fullJson,
                  SpecificRecord minimal, String minimalJson) {
        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    static final Instant AT = Instant.parse("2026-01-16T16:47:00Z");

    private ContractSamples() {
    }

    static List<Sample> all() {
        return List.of(account(), contact(), ticketEvent(), sentimentEvent(), agent(), routedTicket(),
                escalation(), slaEvent(), slaWindowMetrics(), atRiskAccount());
    }

    static Sample account() {
        Account full = Account.newBuilder()
                .setAccountId("acc-1001").setName("Northwind Traders").setArr(750000.5).setCurrency("EUR")
                .setPlan("PREMIUM").setRenewalDate(LocalDate.of(2026, 9, 30)).setHealthScore(72)
                .setUsageTrendPct(-25.0).setNps(40)
                .setFlags(List.of(AccountFlag.STRATEGIC_PARTNER, AccountFlag.HIGH_GROWTH))
                .setCsmId("csm-7").setExecSponsorId("exec-3").setTimezone("Europe/Berlin")
                .setCalendar("business-hours").setCreatedAt(LocalDate.of(2023, 4, 1)).setUpdatedAt(AT)
                .build();
        String fullJson = """
                {"account_id": "acc-1001", "name": "Northwind Traders", "arr": 750000.5, "currency": "EUR",
                 "plan": "PREMIUM", "renewal_date": "2026-09-30", "health_score": 72, "usage_trend_pct": -25.0,
                 "nps": 40, "flags": ["STRATEGIC_PARTNER", "HIGH_GROWTH"], "csm_id": "csm-7",
                 "exec_sponsor_id": "exec-3", "timezone": "Europe/Berlin", "calendar": "business-hours",
                 "created_at": "2023-04-01", "updated_at": "2026-01-16T16:47:00Z"}
                """;
        Account minimal = Account.newBuilder().setAccountId("acc-1002").setName("Tiny Co").setArr(1200.0).build();
        String minimalJson = """
                {"account_id": "acc-1002", "name": "Tiny Co", "arr": 1200}
                """;
        return new Sample(Account.class, full, fullJson, minimal, minimalJson);
    }

    static Sample contact() {
        Contact full = Contact.newBuilder()
                .setContactId("con-1").setAccountId("acc-1001").setName("Dana Example")
                .setEmail("dana@example.com").setTitle("Chief Technology Officer").setRole(ContactRole.C_LEVEL)
                .setAuthorizedForChanges(true).setUpdatedAt(AT).build();
        String fullJson = """
                {"contact_id": "con-1", "account_id": "acc-1001", "name": "Dana Example",
                 "email": "dana@example.com", "title": "Chief Technology Officer", "role": "C_LEVEL",
                 "authorized_for_changes": true, "updated_at": "2026-01-16T16:47:00Z"}
                """;
        Contact minimal = Contact.newBuilder().setContactId("con-2").setAccountId("acc-1002").build();
        String minimalJson = """
                {"contact_id": "con-2", "account_id": "acc-1002"}
                """;
        return new Sample(Contact.class, full, fullJson, minimal, minimalJson);
    }

    static Sample ticketEvent() {
        TicketEvent full = TicketEvent.newBuilder()
                .setEventId("evt-1").setTicketId("tkt-1").setAccountId("acc-1001").setContactId("con-1")
                .setRequesterEmail("dana@example.com").setRequesterName("Dana Example")
                .setType(TicketEventType.CSAT_RECEIVED).setOccurredAt(AT).setPriority(TicketPriority.URGENT)
                .setStatus(TicketStatus.SOLVED).setSubject("Export fails").setBody("多谢 — thanks!")
                .setChannel(Channel.SLACK).setAssigneeId("agt-5").setWarmHandoff(false).setCsat(5)
                .setTags(List.of("export", "billing")).build();
        String fullJson = """
                {"event_id": "evt-1", "ticket_id": "tkt-1", "account_id": "acc-1001", "contact_id": "con-1",
                 "requester_email": "dana@example.com", "requester_name": "Dana Example",
                 "type": "CSAT_RECEIVED", "occurred_at": "2026-01-16T16:47:00Z", "priority": "URGENT",
                 "status": "SOLVED", "subject": "Export fails", "body": "多谢 — thanks!", "channel": "SLACK",
                 "assignee_id": "agt-5", "warm_handoff": false, "csat": 5, "tags": ["export", "billing"]}
                """;
        TicketEvent minimal = TicketEvent.newBuilder().setEventId("evt-2").setTicketId("tkt-2")
                .setType(TicketEventType.CREATED).setOccurredAt(AT).build();
        String minimalJson = """
                {"event_id": "evt-2", "ticket_id": "tkt-2", "type": "CREATED", "occurred_at": "2026-01-16T16:47:00Z"}
                """;
        return new Sample(TicketEvent.class, full, fullJson, minimal, minimalJson);
    }

    static Sample sentimentEvent() {
        SentimentEvent full = SentimentEvent.newBuilder()
                .setEventId("sen-1").setTicketId("tkt-1").setAccountId("acc-1001").setSourceEventId("evt-1")
                .setScore(-0.75).setLabel(SentimentLabel.NEGATIVE).setModel("nlp-v2").setOccurredAt(AT).build();
        String fullJson = """
                {"event_id": "sen-1", "ticket_id": "tkt-1", "account_id": "acc-1001", "source_event_id": "evt-1",
                 "score": -0.75, "label": "NEGATIVE", "model": "nlp-v2", "occurred_at": "2026-01-16T16:47:00Z"}
                """;
        SentimentEvent minimal = SentimentEvent.newBuilder().setEventId("sen-2").setTicketId("tkt-2")
                .setScore(0.0).setOccurredAt(AT).build();
        String minimalJson = """
                {"event_id": "sen-2", "ticket_id": "tkt-2", "score": 0, "occurred_at": "2026-01-16T16:47:00Z"}
                """;
        return new Sample(SentimentEvent.class, full, fullJson, minimal, minimalJson);
    }

    static Sample agent() {
        Agent full = Agent.newBuilder()
                .setAgentId("agt-5").setName("Sam Agent").setLevel(AgentLevel.L2)
                .setHiredOn(LocalDate.of(2024, 2, 29)).setPools(List.of("TIER1_SENIOR", "L2_PLUS"))
                .setSkills(List.of("billing", "zh")).setStatus(AgentStatus.AVAILABLE)
                .setOpenTickets(7).setOpenVipTickets(2).setUpdatedAt(AT).build();
        String fullJson = """
                {"agent_id": "agt-5", "name": "Sam Agent", "level": "L2", "hired_on": "2024-02-29",
                 "pools": ["TIER1_SENIOR", "L2_PLUS"], "skills": ["billing", "zh"], "status": "AVAILABLE",
                 "open_tickets": 7, "open_vip_tickets": 2, "updated_at": "2026-01-16T16:47:00Z"}
                """;
        Agent minimal = Agent.newBuilder().setAgentId("agt-6").build();
        String minimalJson = """
                {"agent_id": "agt-6"}
                """;
        return new Sample(Agent.class, full, fullJson, minimal, minimalJson);
    }

    static Sample routedTicket() {
        AccountContext context = AccountContext.newBuilder()
                .setName("Northwind Traders").setArr(750000.5).setCurrency("EUR").setPlan("PREMIUM")
                .setRenewalDate(LocalDate.of(2026, 9, 30)).setDaysToRenewal(257).setHealthScore(72)
                .setCsmId("csm-7").setExecSponsorId("exec-3").setOpenTickets(3).setRecentTickets90d(11)
                .setChurnRisk(RiskLevel.MEDIUM).build();
        RoutedTicket full = RoutedTicket.newBuilder()
                .setTicketId("tkt-1").setAccountId("acc-1001").setTier(Tier.T1).setBadge(Badge.PLATINUM)
                .setPriority(PriorityLevel.P1).setPriorityScore(800.0).setQueue("TIER1_SENIOR")
                .setSuggestedAgentId("agt-5").setFirstResponseDue(Instant.parse("2026-01-16T17:02:00Z"))
                .setNextReplyDue(Instant.parse("2026-01-16T17:17:00Z"))
                .setReasons(List.of("TIER_T1: ARR 750000.50 > 500000", "SCORE +400: severity P1"))
                .setAccountContext(context).setDecidedAt(AT).setSourceEventId("evt-1")
                .setStatus(TicketStatus.OPEN).build();
        String fullJson = """
                {"ticket_id": "tkt-1", "account_id": "acc-1001", "tier": "T1", "badge": "PLATINUM",
                 "priority": "P1", "priority_score": 800.0, "queue": "TIER1_SENIOR", "suggested_agent_id": "agt-5",
                 "first_response_due": "2026-01-16T17:02:00Z", "next_reply_due": "2026-01-16T17:17:00Z",
                 "reasons": ["TIER_T1: ARR 750000.50 > 500000", "SCORE +400: severity P1"],
                 "account_context": {"name": "Northwind Traders", "arr": 750000.5, "currency": "EUR",
                   "plan": "PREMIUM", "renewal_date": "2026-09-30", "days_to_renewal": 257, "health_score": 72,
                   "csm_id": "csm-7", "exec_sponsor_id": "exec-3", "open_tickets": 3, "recent_tickets_90d": 11,
                   "churn_risk": "MEDIUM"},
                 "decided_at": "2026-01-16T16:47:00Z", "source_event_id": "evt-1", "status": "OPEN"}
                """;
        RoutedTicket minimal = RoutedTicket.newBuilder().setTicketId("tkt-2").setTier(Tier.STANDARD)
                .setPriority(PriorityLevel.P3).setPriorityScore(200.0).setQueue("GENERAL").setDecidedAt(AT)
                .setSourceEventId("evt-2").build();
        String minimalJson = """
                {"ticket_id": "tkt-2", "tier": "STANDARD", "priority": "P3", "priority_score": 200,
                 "queue": "GENERAL", "decided_at": "2026-01-16T16:47:00Z", "source_event_id": "evt-2"}
                """;
        return new Sample(RoutedTicket.class, full, fullJson, minimal, minimalJson);
    }

    static Sample escalation() {
        Escalation full = Escalation.newBuilder()
                .setEscalationId("esc-tkt-1-SLA_BREACH-FIRST_RESPONSE-1").setTicketId("tkt-1")
                .setAccountId("acc-1001").setTier(Tier.T1).setKind(EscalationKind.SLA_BREACH)
                .setTarget(EscalationTarget.SUPPORT_VP).setRespondWithinMinutes(15)
                .setSummary("T1 ticket breached its first response target")
                .setEvidence(List.of("FIRST_RESPONSE due 2026-01-16T17:02:00Z")).setOccurredAt(AT).build();
        String fullJson = """
                {"escalation_id": "esc-tkt-1-SLA_BREACH-FIRST_RESPONSE-1", "ticket_id": "tkt-1",
                 "account_id": "acc-1001", "tier": "T1", "kind": "SLA_BREACH", "target": "SUPPORT_VP",
                 "respond_within_minutes": 15, "summary": "T1 ticket breached its first response target",
                 "evidence": ["FIRST_RESPONSE due 2026-01-16T17:02:00Z"], "occurred_at": "2026-01-16T16:47:00Z"}
                """;
        Escalation minimal = Escalation.newBuilder().setEscalationId("esc-2").setTier(Tier.T3)
                .setKind(EscalationKind.CSM_ALERT).setTarget(EscalationTarget.CSM).setRespondWithinMinutes(60)
                .setSummary("account-level alert").setOccurredAt(AT).build();
        String minimalJson = """
                {"escalation_id": "esc-2", "tier": "T3", "kind": "CSM_ALERT", "target": "CSM",
                 "respond_within_minutes": 60, "summary": "account-level alert", "occurred_at": "2026-01-16T16:47:00Z"}
                """;
        return new Sample(Escalation.class, full, fullJson, minimal, minimalJson);
    }

    static Sample slaEvent() {
        SlaEvent full = SlaEvent.newBuilder()
                .setTicketId("tkt-1").setAccountId("acc-1001").setTier(Tier.T2).setMetric(SlaMetric.NEXT_REPLY)
                .setState(SlaState.WARNING).setDueAt(Instant.parse("2026-01-16T17:17:00Z")).setOccurredAt(AT)
                .setElapsedMinutes(23L).setTargetMinutes(30L).build();
        String fullJson = """
                {"ticket_id": "tkt-1", "account_id": "acc-1001", "tier": "T2", "metric": "NEXT_REPLY",
                 "state": "WARNING", "due_at": "2026-01-16T17:17:00Z", "occurred_at": "2026-01-16T16:47:00Z",
                 "elapsed_minutes": 23, "target_minutes": 30}
                """;
        SlaEvent minimal = SlaEvent.newBuilder().setTicketId("tkt-2").setTier(Tier.STANDARD)
                .setMetric(SlaMetric.FIRST_RESPONSE).setState(SlaState.STARTED).setOccurredAt(AT)
                .setElapsedMinutes(0L).setTargetMinutes(120L).build();
        String minimalJson = """
                {"ticket_id": "tkt-2", "tier": "STANDARD", "metric": "FIRST_RESPONSE", "state": "STARTED",
                 "occurred_at": "2026-01-16T16:47:00Z", "elapsed_minutes": 0, "target_minutes": 120}
                """;
        return new Sample(SlaEvent.class, full, fullJson, minimal, minimalJson);
    }

    static Sample slaWindowMetrics() {
        SlaWindowMetrics full = SlaWindowMetrics.newBuilder()
                .setTier(Tier.T1).setWindow("HOUR").setWindowStart(Instant.parse("2026-01-16T16:00:00Z"))
                .setWindowEnd(Instant.parse("2026-01-16T17:00:00Z")).setTickets(12L).setFirstResponseAvgMinutes(9.5)
                .setFirstResponseP90Minutes(14L).setAttainmentPct(91.7).setBreaches(1L).setEscalations(2L)
                .setVipStandardGapMinutes(48.25).setEscalationsPer100Tickets(16.666666666666668)
                .setLadderEscalations(1L).setLadderEscalationsPer100Tickets(8.333333333333334)
                .setEscalationsByKind(java.util.List.of(
                        io.viplane.model.EscalationKindCount.newBuilder().setKind("CSM_ALERT").setEscalations(1L)
                                .setPer100Tickets(8.333333333333334).build(),
                        io.viplane.model.EscalationKindCount.newBuilder().setKind("SLA_BREACH").setEscalations(1L)
                                .setPer100Tickets(8.333333333333334).build()))
                .build();
        String fullJson = """
                {"tier": "T1", "window": "HOUR", "window_start": "2026-01-16T16:00:00Z",
                 "window_end": "2026-01-16T17:00:00Z", "tickets": 12, "first_response_avg_minutes": 9.5,
                 "first_response_p90_minutes": 14, "attainment_pct": 91.7, "breaches": 1, "escalations": 2,
                 "vip_standard_gap_minutes": 48.25, "escalations_per_100_tickets": 16.666666666666668,
                 "ladder_escalations": 1, "ladder_escalations_per_100_tickets": 8.333333333333334,
                 "escalations_by_kind": [
                   {"kind": "CSM_ALERT", "escalations": 1, "per_100_tickets": 8.333333333333334},
                   {"kind": "SLA_BREACH", "escalations": 1, "per_100_tickets": 8.333333333333334}]}
                """;
        SlaWindowMetrics minimal = SlaWindowMetrics.newBuilder().setTier(Tier.STANDARD).setWindow("DAY")
                .setWindowStart(Instant.parse("2026-01-16T00:00:00Z")).setWindowEnd(Instant.parse("2026-01-17T00:00:00Z"))
                .setTickets(0L).setBreaches(0L).setEscalations(0L).build();
        String minimalJson = """
                {"tier": "STANDARD", "window": "DAY", "window_start": "2026-01-16T00:00:00Z",
                 "window_end": "2026-01-17T00:00:00Z", "tickets": 0, "breaches": 0, "escalations": 0}
                """;
        return new Sample(SlaWindowMetrics.class, full, fullJson, minimal, minimalJson);
    }

    static Sample atRiskAccount() {
        AtRiskAccount full = AtRiskAccount.newBuilder()
                .setAccountId("acc-1001").setRiskLevel(RiskLevel.HIGH).setRiskScore(68)
                .setSignals(List.of("health_score 55 < 65 (+20)", "churn language DIRECT (+30)"))
                .setRecommendedAction("executive outreach").setArr(750000.5).setDaysToRenewal(42)
                .setCsmId("csm-7").setOccurredAt(AT).build();
        String fullJson = """
                {"account_id": "acc-1001", "risk_level": "HIGH", "risk_score": 68,
                 "signals": ["health_score 55 < 65 (+20)", "churn language DIRECT (+30)"],
                 "recommended_action": "executive outreach", "arr": 750000.5, "days_to_renewal": 42,
                 "csm_id": "csm-7", "occurred_at": "2026-01-16T16:47:00Z"}
                """;
        AtRiskAccount minimal = AtRiskAccount.newBuilder().setAccountId("acc-1002").setRiskLevel(RiskLevel.LOW)
                .setRiskScore(0).setRecommendedAction("none").setOccurredAt(AT).build();
        String minimalJson = """
                {"account_id": "acc-1002", "risk_level": "LOW", "risk_score": 0, "recommended_action": "none",
                 "occurred_at": "2026-01-16T16:47:00Z"}
                """;
        return new Sample(AtRiskAccount.class, full, fullJson, minimal, minimalJson);
    }
}
