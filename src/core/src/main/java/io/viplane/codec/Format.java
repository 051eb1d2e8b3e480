package io.viplane.codec;

import java.util.Locale;

/**
 * Wire format of the edge topics: JSON, Avro single-object frames with bundled schemas, or Avro in
 * the Confluent wire format with schemas in a Confluent-compatible registry.
 */
public enum Format {
    JSON, AVRO, AVRO_REGISTRY;

    public static Format parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + s + "' (expected json, avro or avro-registry)");
        }
    }

    /** As users write it on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
