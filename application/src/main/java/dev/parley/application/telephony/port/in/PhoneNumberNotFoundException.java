package dev.parley.application.telephony.port.in;

import dev.parley.domain.shared.NotFoundException;

/** The tenant has no such number (another tenant's included). */
public class PhoneNumberNotFoundException extends NotFoundException {
    public PhoneNumberNotFoundException(String message) {
        super("phone-number.not-found", message);
    }
}
