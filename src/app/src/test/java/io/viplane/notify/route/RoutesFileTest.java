package io.viplane.notify.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.viplane.notify.channel.ChannelType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RoutesFileTest {
    private static String error(String yaml) {
        return assertThrows(RoutesException.class, () -> RoutesFile.parse(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "r.yaml", RouteRulesTest.CHANNELS)).getMessage();
    }

    @Test
    void theShippedFileLoads() {
        RoutesFile f = RoutesFile.load(java.nio.file.Path.of("topology/notify/white-glove.yaml"), RouteRulesTest.CHANNELS);
        assertEquals("business-hours", f.calendar());
        assertEquals(9, f.routes().size());
    }

    @Test
    void everyDefectNamesFilePathAndReason() {
        assertEquals("invalid routes r.yaml at routes[0].channels[1]: unknown channel 'nope' (configured: crm-webhook, "
                + "csm-teams, support-managers, support-vp-pager, team-leads, vip-pool)",
                error("routes: [{name: a, channels: [vip-pool, nope]}]"));
        assertEquals("invalid routes r.yaml at routes[0].delivery: PagerDuty channel 'support-vp-pager' cannot take a digest",
                error("routes: [{name: a, channels: [support-vp-pager], delivery: digest_daily}]"));
        assertEquals("invalid routes r.yaml at routes[0].match.kinds[0]: unknown value 'SLA_BRAECH'",
                error("routes: [{name: a, match: {kinds: [SLA_BRAECH]}, channels: [vip-pool]}]"));
        assertEquals("invalid routes r.yaml at routes[0].match.tier: unknown key (allowed: kinds, priorities, risk_levels, "
                + "sources, targets, tiers)", error("routes: [{name: a, match: {tier: [T1]}, channels: [vip-pool]}]"));
        assertEquals("invalid routes r.yaml at routes[1].name: duplicate route name 'a'",
                error("routes: [{name: a, channels: [vip-pool]}, {name: a, channels: [vip-pool]}]"));
        assertEquals("invalid routes r.yaml at routes[0].delivery: unknown delivery 'later' (expected immediate, "
                + "business_hours, digest_hourly or digest_daily)", error("routes: [{name: a, channels: [vip-pool], delivery: later}]"));
        assertEquals("invalid routes r.yaml at routes: expected a non-empty list", error("calendar: always"));
        assertEquals(ChannelType.PAGERDUTY, RouteRulesTest.CHANNELS.get("support-vp-pager"));
    }
}
