package dev.parley.domain.tenancy;

/** A password as stored: the self-describing output of a slow password-hashing function. */
public record PasswordHash(String encoded) {
    public PasswordHash {
        if (encoded == null || encoded.isBlank()) throw new IllegalArgumentException("A password hash is not empty");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
