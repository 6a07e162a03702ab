package dev.parley.application.session.port.out;

/** The realtime vendor is not configured (no key: 503) or did not answer properly (502). The message never holds a secret. */
public class RealtimeUnavailableException extends RuntimeException {
    private final boolean notConfigured;

    public RealtimeUnavailableException(String message, boolean notConfigured, Throwable cause) {
        super(message, cause);
        this.notConfigured = notConfigured;
    }

    public boolean isNotConfigured() {
        return notConfigured;
    }
}
