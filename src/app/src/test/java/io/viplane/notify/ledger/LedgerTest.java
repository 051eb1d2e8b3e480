package io.viplane.notify.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.viplane.model.Tier;
import io.viplane.notify.NotifyJson;
import io.viplane.notify.Samples;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private static final Instant T = Instant.parse("2026-01-14T15:00:00Z");

    private static LedgerEntry entry(String id, String channel, LedgerEntry.Status s, String action, String partition) {
        return new LedgerEntry(id, channel, s, 1, null, null, T, null, null, action, "viplane/tkt-1/sla/FIRST_RESPONSE",
                "tkt-1", partition, Samples.breach("tkt-1", Tier.T1));
    }

    @Test
    void openAlertsFollowTriggersAndResolvesPendingFollowsStatus() throws Exception {
        Ledger l = new Ledger();
        l.apply(entry("e1", "pd", LedgerEntry.Status.SENDING, "trigger", "esc-0"));
        assertEquals(0, l.openAlerts().size(), "not open until delivered");
        assertEquals(1, l.pending(Set.of("esc-0")).size());
        assertEquals(0, l.pending(Set.of("esc-1")).size(), "another instance's partition");
        l.apply(entry("e1", "pd", LedgerEntry.Status.DELIVERED, "trigger", "esc-0"));
        assertEquals(List.of("e1"), l.openAlertsOfTicket("tkt-1").stream().map(Ledger.OpenAlert::triggerNoticeId).toList());
        assertEquals(0, l.pending(Set.of("esc-0")).size());
        l.apply(entry("resolve/e1", "pd", LedgerEntry.Status.DELIVERED, "resolve", "sla-0"));
        assertEquals(0, l.openAlerts("viplane/tkt-1/sla/FIRST_RESPONSE").size());

        // the JSON form round-trips (the ledger is rebuilt from it at start-up), unknown fields ignored
        LedgerEntry held = entry("e2", "slack", LedgerEntry.Status.HELD, "message", "esc-2");
        String json = NotifyJson.string(held).replace("{", "{\"added_later\":1,");
        assertEquals(held, NotifyJson.MAPPER.readValue(json, LedgerEntry.class));
    }
}
