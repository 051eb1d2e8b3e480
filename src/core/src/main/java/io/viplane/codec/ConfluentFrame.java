package io.viplane.codec;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte {@code 0}, the writer schema's registry id as a 4-byte
 * big-endian integer, then the Avro binary body (no Avro container or single-object header).
 */
public final class ConfluentFrame {
    public static final byte MAGIC = 0;
    public static final int HEADER = 5;

    private ConfluentFrame() {
    }

    public static byte[] frame(int schemaId, byte[] body) {
        return ByteBuffer.allocate(HEADER + body.length).put(MAGIC).putInt(schemaId).put(body).array();
    }

    /** The schema id of a frame; the body starts at {@link #HEADER}. */
    public static int schemaId(byte[] bytes) {
        if (bytes.length < HEADER) {
            throw new InvalidRecordException("", "not Confluent wire format: " + bytes.length
                    + " bytes, shorter than the 5-byte header");
        }
        if (bytes[0] != MAGIC) {
            throw new InvalidRecordException("", String.format("not Confluent wire format: magic byte 0x%02X, expected 0x00",
                    bytes[0] & 0xFF));
        }
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }
}
