package io.viplane.codec.registry;

/**
 * The registry could not be reached (connection refused, timeout, 5xx) after the retries. Not a
 * property of the record: the pipeline stops rather than dead-letter good records during an outage.
 */
public class RegistryUnavailableException extends RuntimeException {
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
