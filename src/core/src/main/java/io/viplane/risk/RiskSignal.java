package io.viplane.risk;

import java.util.Locale;

/**
 * Everything that can add to an account's risk score. The policy gives each one its points
 * ({@code risk.contributors.<lower-case name>}); the order here only breaks ties when choosing
 * the dominant signal and no playbook order decides.
 */
public enum RiskSignal {
    CHURN_DIRECT,
    COMPETITOR_MENTION,
    USAGE_DECLINE,
    UNRESOLVED_TICKETS,
    HEALTH_LOW,
    NEGATIVE_SENTIMENT_TREND,
    CHURN_INDIRECT,
    NPS_DETRACTOR,
    FREQUENCY_RISING,
    SEVERITY_ESCALATING,
    REPEATED_ISSUE,
    SHORTER_MESSAGES,
    RENEWAL_PROXIMITY;

    /** The key of this signal in the policy file. */
    public String policyKey() {
        return name().toLowerCase(Locale.ROOT);
    }
}
