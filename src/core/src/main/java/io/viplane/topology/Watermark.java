package io.viplane.topology;

import java.nio.ByteBuffer;

/**
 * How far one partition of {@code support.tickets} has been read, in event time: every ticket event of
 * that partition up to {@code progressMs} has been written to the repartition topic ahead of this mark.
 *
 * <p>Why: a task's stream time is the largest timestamp it has seen, and the repartition topic interleaves
 * upstream tasks that run at different paces, so a clock fired on stream time fires before replies still
 * in a slower partition (false breaches on replays and after restarts). Each ticket-partition task sends
 * its mark to every account partition, behind its own records; the account partition takes the minimum.
 *
 * @param partition the {@code support.tickets} partition
 * @param progressMs event time reached (-1: nothing read yet)
 * @param caughtUp nothing left to read on that partition just now: it cannot hold the others back
 */
record Watermark(int partition, long progressMs, boolean caughtUp) {
    /** First byte of an encoded mark; Avro single-object frames (ticket events) start with 0xC3. */
    static final byte TAG = 'W';
    private static final int SIZE = 1 + 4 + 8 + 1;

    byte[] encode() {
        return ByteBuffer.allocate(SIZE).put(TAG).putInt(partition).putLong(progressMs)
                .put((byte) (caughtUp ? 1 : 0)).array();
    }

    static boolean isMark(byte[] b) {
        return b != null && b.length == SIZE && b[0] == TAG;
    }

    static Watermark decode(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b, 1, SIZE - 1);
        return new Watermark(in.getInt(), in.getLong(), in.get() == 1);
    }
}
