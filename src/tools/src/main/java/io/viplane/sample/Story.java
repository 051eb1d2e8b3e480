package io.viplane.sample;

/**
 * A hand-written ticket the demo can point at.
 *
 * @param key         stable name of the story, e.g. {@code t1-churn-evaluating-alternatives}
 * @param ticketId    the ticket's id in this sample (ids follow creation order, so they depend on the seed)
 * @param accountId   null for requesters the CRM does not know
 * @param accountName company name, null without an account
 * @param ticketTier  the tier the white-glove rules give the ticket (account or executive contact)
 * @param description what the pipeline should show for it
 */
public record Story(String key, String ticketId, String accountId, String accountName, String ticketTier,
                    String description) {
}
