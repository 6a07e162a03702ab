package dev.parley.domain.shared;

/** A record that does not exist for the asking tenant (another tenant's record included). */
public class NotFoundException extends DomainException {
    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
