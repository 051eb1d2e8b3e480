package io.viplane.topology;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends this task's {@link Watermark} for its {@code support.tickets} partition to every account partition,
 * behind the ticket events it has forwarded: on a wall-clock schedule (so an idle partition still reports),
 * and in stream-time mode also as soon as its event time moves (a replay runs faster than any schedule).
 * In-memory only: after a restart it starts from nothing, and the account partition keeps the larger
 * progress it already had.
 */
final class WatermarkEmitter {
    static final String KEY = "\u0000watermark";
    private final ProcessorContext<String, Object> context;
    private final EventTimeOptions options;
    private final boolean replay;
    private final int partition;
    private final boolean owned;
    private long maxSeenMs = -1;
    private long lastRecordWallMs;

    WatermarkEmitter(ProcessorContext<String, Object> context, EventTimeOptions options, boolean replay) {
        this.context = context;
        this.options = options;
        this.replay = replay;
        this.partition = context.taskId().partition();
        // A task past the ticket topic's partitions reads only sentiment: it speaks for no ticket partition.
        this.owned = options.ticketPartitions() == null || partition < options.ticketPartitions();
        this.lastRecordWallMs = context.currentSystemTimeMs();
        if (owned) {
            context.schedule(options.markInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
        }
    }

    /** A ticket event of this partition was read (admitted or a duplicate). */
    void read(long eventTimeMs) {
        lastRecordWallMs = context.currentSystemTimeMs();
        if (eventTimeMs > maxSeenMs) {
            maxSeenMs = eventTimeMs;
            if (replay && owned) {
                send(false);
            }
        }
    }

    private void tick(long wallMs) {
        boolean quiet = wallMs - lastRecordWallMs >= options.markInterval().toMillis();
        boolean caughtUp = quiet && options.lag().of(Names.TICKETS, partition).orElse(1) == 0;
        send(caughtUp);
    }

    private void send(boolean caughtUp) {
        long wall = context.currentSystemTimeMs();
        Watermark m = EventTimeProgress.mark(partition, maxSeenMs, caughtUp, replay, wall, options.lateness().toMillis());
        if (m.progressMs() < 0 && !caughtUp) {
            return; // nothing to say yet
        }
        context.forward(new Record<>(KEY, (Object) m, Math.max(0, m.progressMs())));
    }
}
