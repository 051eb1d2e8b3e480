package io.viplane.notify.route;

/** When a route's notices go out (urgent notices always go out at once, whatever the route says). */
public enum Delivery {
    /** At once. */
    IMMEDIATE,
    /** At once when the calendar is open, else at its next opening. */
    BUSINESS_HOURS,
    /** Collected per clock hour, sent as one message at the hour's end (or the next opening). */
    DIGEST_HOURLY,
    /** Collected per local day, sent as one message at the next day's opening. */
    DIGEST_DAILY;

    public boolean isDigest() {
        return this == DIGEST_HOURLY || this == DIGEST_DAILY;
    }
}
