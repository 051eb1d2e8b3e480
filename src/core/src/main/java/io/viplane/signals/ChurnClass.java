package io.viplane.signals;

import java.util.Collection;

/** Message-level verdict derived from its signals. */
public enum ChurnClass {
    /** At least one direct signal (including switching to a competitor). */
    DIRECT,
    /** Only indirect, executive-pressure, repetition or plain competitor-mention signals. */
    INDIRECT,
    /** No churn signal. */
    NONE;

    /** The strongest class among the matches' strengths. */
    public static ChurnClass of(Collection<SignalMatch> matches) {
        ChurnClass result = NONE;
        for (SignalMatch m : matches) {
            if (m.strength() == DIRECT) {
                return DIRECT;
            }
            result = INDIRECT;
        }
        return result;
    }
}
