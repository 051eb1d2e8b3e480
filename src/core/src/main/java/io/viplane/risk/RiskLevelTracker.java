package io.viplane.risk;

import io.viplane.model.Account;
import io.viplane.model.AtRiskAccount;
import io.viplane.model.RiskLevel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The last published risk level of one account (CBOR state on the account partition), so
 * {@code accounts.at-risk} gets a record only when the level really changes.
 *
 * <p>Rising is immediate; falling needs the score below the current level's threshold minus the
 * policy's hysteresis margin, so a score wobbling around a threshold publishes nothing.
 *
 * <p><b>Baseline</b> (issue 18): the first assessment of an account (usually its first CRM load) is not
 * a change. When it is above LOW it is published once, marked {@link RiskAssessment#BASELINE_SIGNAL}
 * as the first of its signals, so a CSM tool can show the starting list without alerting on each
 * entry; an account first assessed LOW publishes nothing (LOW is what an unpublished account is).
 * Every later record is a real level change.
 */
public final class RiskLevelTracker {
    /** Level last published (or, before any, LOW once assessed); null before the first assessment. */
    public RiskLevel level;
    public Integer score;
    /** Event time of the last published change. */
    public Instant changedAt;

    /**
     * Folds in an assessment; returns it (with the hysteresis level and that level's action) when the
     * level changed, else empty.
     */
    public Optional<RiskAssessment> update(RiskAssessment a, RiskPolicy policy) {
        Objects.requireNonNull(a, "assessment");
        RiskLevel next = policy.levels().next(level, a.score());
        boolean first = level == null;
        boolean changed = first ? next != RiskLevel.LOW : next != level;
        level = next;
        if (!changed) {
            return Optional.empty();
        }
        score = a.score();
        changedAt = a.assessedAt();
        String action = next == a.level() ? a.recommendedAction() : policy.actionFor(next, a.contributions());
        RiskAssessment published = a.withLevel(next, action);
        return Optional.of(first ? published.asBaseline() : published);
    }

    /**
     * The {@code accounts.at-risk} record of a published assessment.
     *
     * @param account the CRM record for arr and csm_id; null when not known yet
     */
    public static AtRiskAccount toRecord(String accountId, RiskAssessment a, Account account) {
        return AtRiskAccount.newBuilder()
                .setAccountId(accountId)
                .setRiskLevel(a.level())
                .setRiskScore(a.score())
                .setSignals(a.signals())
                .setRecommendedAction(a.recommendedAction())
                .setArr(account == null ? null : account.getArr())
                .setDaysToRenewal(a.daysToRenewal())
                .setCsmId(account == null ? null : account.getCsmId())
                .setOccurredAt(a.assessedAt())
                .build();
    }
}
