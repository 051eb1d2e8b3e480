package io.viplane.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.viplane.notify.channel.ChannelSpec;
import io.viplane.notify.channel.ChannelType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyConfigTest {
    private static final Map<String, String> ENV = Map.of("SLACK_VIP_POOL_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/SECRETPART",
            "SLACK_BOT_TOKEN", "xoxb-123-secret", "PAGERDUTY_ROUTING_KEY", "R0UT1NGKEYSECRET",
            "TEAMS_CSM_WORKFLOW_URL", "https://prod.example.logic.azure.com/workflows/abc?sig=SECRETSIG",
            "CRM_WEBHOOK_URL", "https://crm.example.com/hooks/viplane", "CRM_WEBHOOK_SECRET", "whsec_secret");

    @Test
    void theExampleConfigLoadsWithSecretsFromTheEnvironmentAndTheShippedRoutesValidate() {
        NotifyConfig c = NotifyConfig.load(Path.of("topology/notify/notify.example.yaml"), ENV);
        assertEquals(6, c.channels().size());
        ChannelSpec pd = c.channels().get("support-vp-pager");
        assertEquals(ChannelType.PAGERDUTY, pd.type());
        assertEquals(ChannelSpec.PAGERDUTY_EVENTS, pd.url());
        assertEquals("R0UT1NGKEYSECRET", pd.secret().reveal());
        assertTrue(pd.resendUncertain(), "PagerDuty is idempotent by dedup_key");
        assertFalse(c.channels().get("vip-pool").resendUncertain(), "Slack has no idempotency key");
        assertEquals(Duration.ofSeconds(1), c.channels().get("team-leads").minInterval(), "Slack: about 1 message/s per channel");
        assertEquals(Duration.ofMillis(500), pd.minInterval(), "PagerDuty: about 120 events/min per key");
        assertTrue(c.routes().toString().endsWith("white-glove.yaml"));
        assertEquals(9, NotifyService.rules(c).routes().size());
        String printed = c.channels().toString() + c;
        for (String secret : ENV.values()) {
            assertFalse(printed.contains(secret), "printed config leaks " + secret.substring(0, 5));
        }
    }

    @Test
    void aMissingSecretNamesTheVariableNotAValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NotifyConfig.load(Path.of("topology/notify/notify.example.yaml"), Map.of()));
        assertEquals("invalid notify config topology/notify/notify.example.yaml at channels.vip-pool.url: "
                + "environment variable SLACK_VIP_POOL_WEBHOOK_URL is not set", e.getMessage());
    }

    @Test
    void typosAndBadUrlsAreRejectedWithTheirPath() throws Exception {
        YAMLMapper y = new YAMLMapper();
        assertEquals("invalid notify config f at channels.x.type: expected slack_webhook, slack_api, pagerduty, teams or webhook",
                assertThrows(IllegalArgumentException.class, () -> NotifyConfig.parse(
                        y.readTree("channels: {x: {type: sms, url: 'https://a'}}"), "f", Map.of(), null)).getMessage());
        assertEquals("invalid notify config f at channels.x.url: expected an http(s) URL",
                assertThrows(IllegalArgumentException.class, () -> NotifyConfig.parse(
                        y.readTree("channels: {x: {type: teams, url: 'ftp://secret-host/x'}}"), "f", Map.of(), null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NotifyConfig.parse(
                y.readTree("chanels: {}"), "f", Map.of(), null)).getMessage().startsWith("invalid notify config f at chanels: unknown key"));
    }
}
