package io.viplane.codec;

/** Turns a contract value into bytes and back; decoding failures are {@link InvalidRecordException}s. */
public interface Codec<T> {
    byte[] encode(T value);

    T decode(byte[] bytes);
}
