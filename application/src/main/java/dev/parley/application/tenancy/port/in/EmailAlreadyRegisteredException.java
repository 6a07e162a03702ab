package dev.parley.application.tenancy.port.in;

import dev.parley.domain.shared.ConflictException;

/** Registration refused: the (normalised) e-mail address has an account already. */
public class EmailAlreadyRegisteredException extends ConflictException {
    public EmailAlreadyRegisteredException() {
        super("email.taken", "Email already registered");
    }
}
