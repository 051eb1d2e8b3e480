package io.viplane.policy;

/** An invalid policy: names the file, the path inside it and the reason, so start-up fails fast. */
public class PolicyException extends RuntimeException {
    public PolicyException(String file, String path, String reason) {
        super("invalid policy " + file + (path == null || path.isEmpty() ? "" : " at " + path) + ": " + reason);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
