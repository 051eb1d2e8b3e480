package io.viplane.simulate;

import java.util.Random;

/**
 * What one ticket asks of whoever takes it, decided by the ticket alone (its id and the seed), so that every
 * ordering, roster and policy of a comparison gives the same ticket the same work: minutes of work to the
 * first reply and to the solve, whether the customer writes back (and when, and how soon the owner answers),
 * and when a VIP ticket's follow-up check comes.
 */
record TicketWork(long replyMinutes, long solveMinutes, boolean writesBack, long messageAfterMinutes,
                  long answerMinutes, long followUpMinutes) {

    /** z(0.9) of the standard normal: a log-normal with median m and 90th percentile p has sigma ln(p/m)/z. */
    private static final double Z90 = 1.2816;

    static TicketWork of(Roster.Work work, double customerReplyShare, long seed, String ticketId) {
        Random r = new Random(seed * 1_000_003L + ticketId.hashCode());
        long reply = Math.max(1, Math.round(logNormal(r, work.replyMinutes())));
        long solve = Math.max(reply + 1, Math.round(logNormal(r, work.solveMinutes())));
        boolean writesBack = r.nextDouble() < customerReplyShare && solve - reply >= 4;
        long messageAfter = 1 + r.nextInt((int) Math.max(1, (solve - reply) / 2));
        long answer = Math.max(1, Math.round(logNormal(r, work.replyMinutes())));
        long followUp = Math.round(60 * logNormal(r, work.followUpHours()));
        return new TicketWork(reply, solve, writesBack, messageAfter, answer, followUp);
    }

    private static double logNormal(Random r, Roster.Spread s) {
        double sigma = Math.log(s.p90() / s.median()) / Z90;
        return s.median() * Math.exp(sigma * r.nextGaussian());
    }
}
