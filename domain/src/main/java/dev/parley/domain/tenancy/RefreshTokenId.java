package dev.parley.domain.tenancy;

/** Identifies one refresh token (one signed-in session of a user). */
public record RefreshTokenId(long value) {
    public RefreshTokenId {
        if (value <= 0) throw new IllegalArgumentException("A refresh token id is positive");
    }
}
