package io.viplane.codec.registry;

/**
 * The registry answered with an error: {@code status} is the HTTP status and {@code errorCode} the
 * Confluent error code from the body ({@code 40401} subject not found, {@code 40403} schema not
 * found, {@code 409} incompatible schema, {@code 42201} invalid schema, ...), or -1 when absent.
 */
public class RegistryException extends RuntimeException {
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int status;
    private final int errorCode;

    public RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** Confluent answers 409 when a schema breaks the subject's compatibility rule. */
    public boolean incompatible() {
        return status == 409;
    }
}
