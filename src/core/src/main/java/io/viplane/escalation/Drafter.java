package io.viplane.escalation;

import io.viplane.model.Escalation;
import io.viplane.model.EscalationKind;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a decision into the contract record. Summaries are built only from the ticket id, the
 * tier, fixed wording and numbers, never from the facts' text or requester fields.
 */
final class Drafter {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Drafter() {
    }

    static Escalation draft(EscalationFacts f, EscalationKind kind, Recipient r, String causeKey, String what,
                            boolean showTier, List<String> evidence, Instant at) {
        String subject = (showTier ? f.tier() + " ticket " : "Ticket ") + f.ticketId();
        String summary = oneLine(subject + ": " + what + "; respond within " + r.respondWithinMinutes() + " min");
        return Escalation.newBuilder()
                .setEscalationId(EscalationIds.of(kind, f.ticketId(), r.target(), causeKey))
                .setTicketId(f.ticketId())
                .setAccountId(f.accountId())
                .setTier(f.tier())
                .setKind(kind)
                .setTarget(r.target())
                .setRespondWithinMinutes(r.respondWithinMinutes())
                .setSummary(summary)
                .setEvidence(evidence.stream().map(Drafter::oneLine).toList())
                .setOccurredAt(at)
                .build();
    }

    static String oneLine(String s) {
        return WHITESPACE.matcher(s).replaceAll(" ").trim();
    }

    /** A customer's matched words, shortened: enough to recognise the signal, not the message. */
    static String quote(String phrase, int max) {
        String p = oneLine(phrase == null ? "" : phrase).replace('"', '\'');
        if (p.codePointCount(0, p.length()) > max) {
            p = p.substring(0, p.offsetByCodePoints(0, max)) + "…";
        }
        return "\"" + p + "\"";
    }
}
