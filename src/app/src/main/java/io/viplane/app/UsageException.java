package io.viplane.app;

/** The user asked for something the CLI cannot do as given (exit code 2, with the command's usage). */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
