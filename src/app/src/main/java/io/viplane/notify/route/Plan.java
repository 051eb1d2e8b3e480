package io.viplane.notify.route;

import java.time.Instant;

/**
 * One delivery decided for a notice: to which channel, by which route, and when.
 *
 * @param releaseAt null to send now, else when a held notice is released
 * @param digestKey null for a notice of its own, else the digest it joins (channel, route, window)
 */
public record Plan(String channel, String route, Instant releaseAt, String digestKey) {
    public boolean now() {
        return releaseAt == null;
    }
}
