package dev.parley.application.telephony.port.out;

import dev.parley.domain.shared.ConflictException;

/** The number cannot be had: someone bought it first, or it was never on offer. */
public class NumberUnavailableException extends ConflictException {
    public NumberUnavailableException(String message) {
        super("phone-number.unavailable", message);
    }
}
