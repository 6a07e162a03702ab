package dev.parley.domain.shared;

/** A request that clashes with the current state (a duplicate, a limit reached, a finished thing). */
public class ConflictException extends DomainException {
    public ConflictException(String code, String message) {
        super(code, message);
    }
}
