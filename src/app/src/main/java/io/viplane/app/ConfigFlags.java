package io.viplane.app;

/**
 * A group of flags that set configuration keys. Flags are the last word (file &lt; VIPLANE_* env &lt;
 * flags), so a flag that was not given must leave the key alone: implementations set only non-null values.
 */
interface ConfigFlags {
    void applyTo(AppConfig config);

    /**
     * Rejects a value this group's keys cannot take, whichever source set it, with an
     * IllegalArgumentException or UsageException (exit code 2) before the command connects anywhere.
     */
    default void check(AppConfig config) {
    }
}
