package dev.parley.application.call.port.in;

import dev.parley.domain.shared.DomainException;

/** The carrier refused the call or could not be reached; the call is recorded as failed. */
public class CallNotPlacedException extends DomainException {
    public CallNotPlacedException(String message) {
        super("call.not-placed", message);
    }
}
