package io.viplane.topology;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record that can be read but not processed goes to the dead-letter queue; processing goes on. */
public class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger("io.viplane.dlq");

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
        LOG.warn("dead-lettered record {}-{}@{} in processor {}: {}", context.topic(), context.partition(),
                context.offset(), context.processorNodeId(), e.getMessage());
        return super.handleError(context, record, e);
    }
}
