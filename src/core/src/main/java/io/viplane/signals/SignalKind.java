package io.viplane.signals;

/** What a churn-language match is evidence of. */
public enum SignalKind {
    /** The customer says they will or may leave or pay less: cancel, downgrade, not renew, evaluate alternatives. */
    DIRECT,
    /** Dissatisfaction short of a stated exit: frustration, recurring problems, no value. */
    INDIRECT,
    /** A rival vendor, by name or generically ("another vendor"); switching to one is a direct signal. */
    COMPETITOR,
    /** Executives or the board are questioning the spend or the service. */
    EXEC_PRESSURE,
    /** The customer has had to report or chase the same problem several times. */
    REPETITION,
    /**
     * A problem that persists or mildly annoys ("still failing", "failed again", "a bit frustrating",
     * "还是不行"): evidence of a problem, not of an intent to leave. The lexicon gives it INDIRECT
     * strength (the message class of the evaluation sets), but the shipped policies neither alert nor
     * score it as churn language: which kinds count is policy ({@code escalation.churn_signal.kinds},
     * {@code signals.frustrated.churn_kinds}, {@code signals.churn_language.kinds}).
     */
    PROBLEM
}
