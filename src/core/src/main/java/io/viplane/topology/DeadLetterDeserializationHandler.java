package io.viplane.topology;

import io.viplane.codec.registry.RegistryUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unreadable input never stops the pipeline: Kafka Streams' built-in dead-letter queue receives
 * the original bytes with source and error headers, and the log gets one line (no value bytes:
 * they may hold personal data). A schema registry that cannot be reached says nothing about the
 * record, so that one stops the pipeline instead: good records must not be dead-lettered during an
 * outage, and a restart reads them again from the committed offsets.
 */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger("io.viplane.dlq");

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistryUnavailableException) {
                LOG.error("schema registry unavailable reading {}-{}@{}, stopping: {}", record.topic(), record.partition(),
                        record.offset(), t.getMessage());
                return Response.fail();
            }
        }
        LOG.warn("dead-lettered unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                e.getMessage());
        return super.handleError(context, record, e);
    }
}
