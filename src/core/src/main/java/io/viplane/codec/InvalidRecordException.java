package io.viplane.codec;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that does not satisfy the contract. The message names the field and the reason but
 * never echoes the value: values may be personal data and this message ends up in logs and in
 * the dead-letter headers.
 */
public class InvalidRecordException extends SerializationException {
    private final String field;

    public InvalidRecordException(String field, String reason) {
        super(field == null || field.isEmpty() ? reason : "field '" + field + "': " + reason);
        this.field = field;
    }

    public InvalidRecordException(String field, String reason, Throwable cause) {
        super(field == null || field.isEmpty() ? reason : "field '" + field + "': " + reason, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
