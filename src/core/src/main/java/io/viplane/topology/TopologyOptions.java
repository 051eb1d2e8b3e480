package io.viplane.topology;

import io.viplane.admission.DeadLetterSink;
import io.viplane.admission.ProducerDeadLetterSink;
import io.viplane.admission.RecordTimes;
import io.viplane.admission.TextCap;
import io.viplane.codec.Format;
import io.viplane.codec.registry.RegistrySettings;
import io.viplane.sla.SlaTimeResolver;
import java.time.Duration;

/**
 * How the topology is built (not what it decides: that is the policy).
 *
 * @param partitions partitions of internal repartition topics; null inherits from the input topic.
 *                   All account-partition topics must agree; {@code viplane run} uses the widest input.
 * @param dedupRetention how long an {@code event_id} is remembered to drop its duplicates
 * @param slaTimes how SLA minutes are counted; null means the policy's calendars
 * @param clock what "now" is for timers: wall-clock time when live, stream time when replaying history
 * @param timerInterval how often the deadline index is scanned; the upper bound of detection lag
 * @param agentRefresh how stale the agent roster used for suggestions may be (see {@code AgentDirectory})
 * @param maxFutureSkew how far ahead of this machine's clock an {@code occurred_at} may be; beyond it the
 *                      event is a dead letter, since one such event would move stream time and fire every
 *                      open SLA clock in {@link ClockMode#STREAM_TIME}; it must stay below the broker's
 *                      {@code message.timestamp.after.max.ms} (see {@link io.viplane.admission.RecordTimes})
 * @param eventTime how the account partition learns how far every ticket source has got (watermarks)
 * @param textCap how many characters of a customer's text the text rules read (see {@link io.viplane.admission.TextCap})
 * @param agentDeadLetters where the global agents store's updater sends dead letters (the global thread has
 *                         no Kafka Streams dead-letter queue); by default a small producer to {@code support.dlq}
 * @param registry the schema registry of the avro-registry format; null for the other formats
 */
public record TopologyOptions(Format format, Integer partitions, Duration dedupRetention, SlaTimeResolver slaTimes,
                              ClockMode clock, Duration timerInterval, Duration agentRefresh,
                              Duration maxFutureSkew, EventTimeOptions eventTime, RegistrySettings registry,
                              int textCap, DeadLetterSink.Factory agentDeadLetters) {

    public static TopologyOptions defaults() {
        return new TopologyOptions(Format.JSON, null, Duration.ofDays(7), null, ClockMode.WALL_CLOCK,
                Duration.ofSeconds(1), Duration.ofSeconds(5),
                RecordTimes.DEFAULT_MAX_AHEAD, EventTimeOptions.defaults(), null,
                TextCap.DEFAULT_MAX_CHARS, configs -> new ProducerDeadLetterSink(configs, Names.DLQ));
    }

    public TopologyOptions withEventTime(EventTimeOptions e) {
        return new TopologyOptions(format, partitions, dedupRetention, slaTimes, clock, timerInterval, agentRefresh, maxFutureSkew, e, registry, textCap, agentDeadLetters);
    }

    public TopologyOptions withRegistry(RegistrySettings r) {
        return new TopologyOptions(format, partitions, dedupRetention, slaTimes, clock, timerInterval, agentRefresh, maxFutureSkew, eventTime, r, textCap, agentDeadLetters);
    }

    public TopologyOptions withFormat(Format f) {
        return new TopologyOptions(f, partitions, dedupRetention, slaTimes, clock, timerInterval, agentRefresh, maxFutureSkew, eventTime, registry, textCap, agentDeadLetters);
    }

    public TopologyOptions withPartitions(Integer p) {
        return new TopologyOptions(format, p, dedupRetention, slaTimes, clock, timerInterval, agentRefresh, maxFutureSkew, eventTime, registry, textCap, agentDeadLetters);
    }

    public TopologyOptions withSlaTimes(SlaTimeResolver s) {
        return new TopologyOptions(format, partitions, dedupRetention, s, clock, timerInterval, agentRefresh, maxFutureSkew, eventTime, registry, textCap, agentDeadLetters);
    }

    public TopologyOptions withClock(ClockMode c) {
        return new TopologyOptions(format, partitions, dedupRetention, slaTimes, c, timerInterval, agentRefresh, maxFutureSkew, eventTime, registry, textCap, agentDeadLetters);
    }

    public TopologyOptions withMaxFutureSkew(Duration d) {
        return new TopologyOptions(format, partitions, dedupRetention, slaTimes, clock, timerInterval, agentRefresh, d, eventTime, registry, textCap, agentDeadLetters);
    }

    public TopologyOptions withAgentRefresh(Duration d) {
        return new TopologyOptions(format, partitions, dedupRetention, slaTimes, clock, timerInterval, d, maxFutureSkew, eventTime, registry, textCap, agentDeadLetters);
    }

    public TopologyOptions withTimerInterval(Duration d) {
        return new TopologyOptions(format, partitions, dedupRetention, slaTimes, clock, d, agentRefresh, maxFutureSkew, eventTime, registry, textCap, agentDeadLetters);
    }

    public TopologyOptions withTextCap(int chars) {
        return new TopologyOptions(format, partitions, dedupRetention, slaTimes, clock, timerInterval, agentRefresh, maxFutureSkew, eventTime, registry, chars, agentDeadLetters);
    }

    public TopologyOptions withAgentDeadLetters(DeadLetterSink.Factory f) {
        return new TopologyOptions(format, partitions, dedupRetention, slaTimes, clock, timerInterval, agentRefresh, maxFutureSkew, eventTime, registry, textCap, f);
    }
}
