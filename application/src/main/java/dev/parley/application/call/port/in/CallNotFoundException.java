package dev.parley.application.call.port.in;

import dev.parley.domain.shared.NotFoundException;

/** No such call for the asking tenant (another tenant's call included). */
public class CallNotFoundException extends NotFoundException {
    public CallNotFoundException() {
        super("call.not-found", "Call not found");
    }
}
