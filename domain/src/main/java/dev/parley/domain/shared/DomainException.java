package dev.parley.domain.shared;

/** A broken business rule, with a stable code clients may rely on and a message safe to show. */
public abstract class DomainException extends RuntimeException {
    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable, dotted identifier of the rule that was broken, e.g. {@code email.taken}. */
    public String code() {
        return code;
    }
}
