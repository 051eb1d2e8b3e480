package io.viplane.notify.ledger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.viplane.notify.Notice;
import java.time.Instant;

/**
 * The state of one delivery (a notice to a channel), as a record of the compacted topic
 * {@code support.notifications}, key {@code <notice id>|<channel>}; the latest record per key is
 * the state. JSON, snake_case; unknown fields are ignored so later versions can add some.
 *
 * @param status          HELD (waits for business hours or a digest), SENDING (about to be sent: a
 *                        crash after this leaves the outcome unknown), DELIVERED, DEAD (dead-lettered)
 * @param sourcePartition topic-partition the notice came from: only the instance that owns it acts on
 *                        a held or unfinished delivery
 * @param notice          the notice itself while HELD or SENDING (body-free), so it can be sent later
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LedgerEntry(
        String noticeId,
        String channel,
        Status status,
        int attempts,
        String providerId,
        String reason,
        Instant updatedAt,
        Instant releaseAt,
        String digestKey,
        String action,
        String dedupKey,
        String ticketId,
        String sourcePartition,
        Notice notice) {

    public enum Status { HELD, SENDING, DELIVERED, DEAD }

    public static String key(String noticeId, String channel) {
        return noticeId + "|" + channel;
    }

    public String key() {
        return key(noticeId, channel);
    }

    /** Delivered or dead-lettered: never sent again. */
    public boolean isFinal() {
        return status == Status.DELIVERED || status == Status.DEAD;
    }

    public LedgerEntry with(Status s, int attempts, String providerId, String reason, Instant at) {
        boolean keepNotice = s == Status.HELD || s == Status.SENDING;
        return new LedgerEntry(noticeId, channel, s, attempts, providerId, reason, at, s == Status.HELD ? releaseAt : null,
                digestKey, action, dedupKey, ticketId, sourcePartition, keepNotice ? notice : null);
    }
}
