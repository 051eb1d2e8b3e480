package io.viplane.risk;

/**
 * The verdict on one customer message.
 *
 * @param score             the effective score, null when the message has none yet
 * @param source            where that score came from, null without a score
 * @param negative          below the policy's negative threshold
 * @param extremelyNegative below the extremely-negative threshold: an executive-escalation criterion
 * @param frustrated        negative (if the policy says so) or carrying frustration language
 */
public record SentimentJudgement(Double score, SentimentSource source, boolean negative, boolean extremelyNegative,
                                 boolean frustrated) {
}
