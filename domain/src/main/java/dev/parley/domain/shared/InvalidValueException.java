package dev.parley.domain.shared;

/** A value that does not satisfy its own rules; {@link #field()} names the input it came from. */
public class InvalidValueException extends DomainException {
    private final String field;

    public InvalidValueException(String field, String code, String message) {
        super(code, message);
        this.field = field;
    }

    /** The input field (snake_case, as clients send it) the bad value came from. */
    public String field() {
        return field;
    }
}
