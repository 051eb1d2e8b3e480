package io.viplane.codec;

import java.util.Locale;

/** Wire format of the edge topics. */
public enum Format {
    JSON, AVRO;

    public static Format parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + s + "' (expected json or avro)");
        }
    }
}
