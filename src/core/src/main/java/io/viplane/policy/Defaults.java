package io.viplane.policy;

/**
 * Organisation-wide defaults.
 *
 * @param timezone zone of an account without its own {@code timezone}
 * @param calendar business-hours calendar of an account without its own {@code calendar}
 * @param recentTicketsDays window of {@code account_context.recent_tickets_90d}
 * @param onboardingDays the first days of a customer that count as onboarding
 */
public record Defaults(String timezone, String calendar, int recentTicketsDays, int onboardingDays) {
}
