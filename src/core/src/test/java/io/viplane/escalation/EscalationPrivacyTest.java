package io.viplane.escalation;

import static io.viplane.escalation.Fixtures.EVENT_AT;
import static io.viplane.escalation.Fixtures.RULES;
import static io.viplane.escalation.Fixtures.build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import io.viplane.model.PriorityLevel;
import io.viplane.model.SlaMetric;
import io.viplane.model.SlaState;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import io.viplane.signals.SignalKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Summaries are one line without the body, e-mail or names; a possible VIP is never called one. */
class EscalationPrivacyTest {

    private static final String BODY = "Secret project Falcon: we are losing revenue, I want to speak to a manager, "
            + "and this is the fourth time.";
    private static final String EMAIL = "helena.stroud.home@gmail.com";
    private static final String NAME = "Helena Stroud";

    /** Facts that trigger as many kinds as possible at once, full of personal data. */
    private static List<Escalation> everything() {
        List<Escalation> all = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            all.addAll(RULES.onEvent(build(tier, b -> b.text("Falcon outage", BODY).requester(EMAIL, NAME)
                    .executiveContactNames(Set.of(NAME)).priority(PriorityLevel.P1)
                    .churn(List.of(new ChurnCue(SignalKind.REPETITION, false, "fourth time")))
                    .sentiment(-0.97, true, true))));
            all.addAll(RULES.onEvent(build(tier, b -> b.text(null, BODY).requester(EMAIL, NAME).executiveContact(true)
                    .event(TicketEventType.FLAGGED_ABUSIVE, "ev-a", EVENT_AT))));
            all.addAll(RULES.onEvent(build(tier, b -> b.text(null, BODY).requester(EMAIL, NAME)
                    .event(TicketEventType.STATUS_CHANGED, "ev-c", EVENT_AT).previousStatus(TicketStatus.SOLVED)
                    .status(TicketStatus.CLOSED).closed(true))));
            all.addAll(RULES.onEvent(build(tier, b -> b.text(null, BODY).requester(EMAIL, NAME)
                    .event(TicketEventType.TRANSFERRED, "ev-t", EVENT_AT))));
            all.addAll(RULES.onTimer(build(tier, b -> b.text(null, BODY).requester(EMAIL, NAME).executiveContact(true))
                    .at(EVENT_AT.plusSeconds(86_400 * 2))));
            for (SlaMetric m : SlaMetric.values()) {
                for (SlaState s : EnumSet.of(SlaState.WARNING, SlaState.BREACHED)) {
                    Escalation e = RULES.forSla(build(tier, b -> b.text(null, BODY).requester(EMAIL, NAME)),
                            m, s, EVENT_AT, EVENT_AT.plusSeconds(900), 0.8, 12, 15);
                    if (e != null) {
                        all.add(e);
                    }
                }
            }
        }
        return all;
    }

    @Test
    void coversEveryKind() {
        Set<EscalationKind> kinds = EnumSet.noneOf(EscalationKind.class);
        everything().forEach(e -> kinds.add(e.getKind()));
        assertEquals(EnumSet.allOf(EscalationKind.class), kinds);
    }

    @Test
    void summariesAreOneLineWithoutBodyEmailOrName() {
        for (Escalation e : everything()) {
            String s = e.getSummary();
            assertFalse(s.contains("\n") || s.contains("\r"), s);
            assertFalse(s.isBlank());
            for (String secret : List.of("Falcon", "losing revenue", "speak to a manager", EMAIL, "gmail", "Helena",
                    "Stroud")) {
                assertFalse(s.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)), e.getKind() + ": " + s);
            }
            for (String ev : e.getEvidence()) {
                for (String secret : List.of("Falcon", BODY, EMAIL, "Helena", "Stroud")) {
                    assertFalse(ev.contains(secret), e.getKind() + " evidence: " + ev);
                }
            }
        }
    }

    @Test
    void possibleVipContactNeverRevealsExecutiveStatus() {
        Pattern revealing = Pattern.compile("(?i)\\b(executive|exec|vip|ceo|cto|cfo|c-level|chief|vp|president|"
                + "founder|board|investor|director|platinum)\\b");
        List<Escalation> possible = everything().stream()
                .filter(e -> e.getKind() == EscalationKind.POSSIBLE_VIP_CONTACT).toList();
        assertFalse(possible.isEmpty());
        for (Escalation e : possible) {
            assertFalse(revealing.matcher(e.getSummary()).find(), e.getSummary());
            e.getEvidence().forEach(ev -> assertFalse(revealing.matcher(ev).find(), ev));
            assertFalse(e.getSummary().matches(".*\\b(T1|T2|T3)\\b.*"), e.getSummary());
        }
    }

    @Test
    void factsDoNotPrintPersonalData() {
        String s = build(Tier.T1, b -> b.text("Falcon", BODY).requester(EMAIL, NAME)
                .executiveContactNames(Set.of(NAME))).toString();
        assertFalse(s.contains("Falcon") || s.contains(EMAIL) || s.contains(NAME), s);
        assertTrue(s.contains("TCK-1001"));
        assertFalse(new ChurnCue(SignalKind.DIRECT, true, "we will cancel").toString().contains("cancel"));
    }
}
