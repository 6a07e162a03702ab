package dev.parley.application.call.port.in;

import dev.parley.domain.shared.DomainException;

/**
 * The carrier refused the call or could not be reached; the call is recorded as failed.
 * {@link #retryable()}: the carrier was unreachable, failed (5xx) or throttled us (429), so the same
 * request may succeed later; otherwise it refused what we asked (4xx) and will again.
 */
public class CallNotPlacedException extends DomainException {
    private final boolean retryable;

    public CallNotPlacedException(String message) {
        this(message, false);
    }

    public CallNotPlacedException(String message, boolean retryable) {
        super("call.not-placed", message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
