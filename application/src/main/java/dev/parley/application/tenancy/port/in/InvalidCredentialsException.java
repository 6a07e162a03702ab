package dev.parley.application.tenancy.port.in;

import dev.parley.domain.shared.DomainException;

/** Sign-in or refresh refused; the message never says which part was wrong. */
public class InvalidCredentialsException extends DomainException {
    public InvalidCredentialsException(String message) {
        super("credentials.invalid", message);
    }
}
