package io.viplane.policy;

/**
 * What a tier is entitled to.
 *
 * @param calendar {@code always} (24/7) or {@code account} (the account's business-hours calendar)
 * @param maxWaitMinutes longest a requester should wait; waiting tickets gain priority towards it
 * @param assignmentMinutes the ticket must be assigned within this, or it is escalated as UNASSIGNED
 */
public record Entitlement(
        int firstResponseMinutes,
        int nextReplyMinutes,
        int maxWaitMinutes,
        String calendar,
        String queue,
        Integer assignmentMinutes,
        Ladder ladder) {

    public boolean runsAroundTheClock() {
        return "always".equals(calendar);
    }
}
