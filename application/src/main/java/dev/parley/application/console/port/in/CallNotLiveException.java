package dev.parley.application.console.port.in;

import dev.parley.domain.shared.ConflictException;

/** The call has ended (or never connected): nothing can be said into it. */
public class CallNotLiveException extends ConflictException {
    public CallNotLiveException() {
        super("call.not-live", "The call is not live");
    }
}
