package io.viplane.notify.route;

/** An invalid routes file: {@code invalid routes FILE at PATH: reason}. */
public final class RoutesException extends RuntimeException {
    public RoutesException(String file, String path, String reason) {
        super("invalid routes " + file + (path == null || path.isEmpty() ? "" : " at " + path) + ": " + reason);
    }
}
