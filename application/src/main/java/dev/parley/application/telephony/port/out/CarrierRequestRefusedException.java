package dev.parley.application.telephony.port.out;

import dev.parley.domain.shared.DomainException;

/** The carrier refused a request because of what we asked (e.g. an area code it does not know): the client's input. */
public class CarrierRequestRefusedException extends DomainException {
    public CarrierRequestRefusedException(String message) {
        super("carrier.request-refused", message);
    }
}
