package dev.parley.application.telephony.port.in;

import dev.parley.domain.shared.ConflictException;

/** An outbound call cannot be placed: no number to call from (production mode without a provisioned primary number). */
public class NoCallerIdException extends ConflictException {
    public NoCallerIdException(String message) {
        super("caller-id.missing", message);
    }
}
