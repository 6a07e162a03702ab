package dev.parley.domain.tenancy;

import dev.parley.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One signed-in session: a long-lived secret exchanged for access tokens. Only its hash is
 * stored. Tokens of one sign-in form a family: each refresh rotates the token (the old one is
 * revoked); presenting a revoked token again means it leaked, and the whole family is revoked.
 */
public final class RefreshToken {
    private final RefreshTokenId id;
    private final UserId user;
    private final long family;
    private final String tokenHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant revokedAt;

    private RefreshToken(RefreshTokenId id, UserId user, long family, String tokenHash, Instant createdAt,
                         Instant expiresAt, Instant revokedAt) {
        this.id = Objects.requireNonNull(id);
        this.user = Objects.requireNonNull(user);
        this.family = family;
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.revokedAt = revokedAt;
        if (!expiresAt.isAfter(createdAt)) throw new IllegalArgumentException("A refresh token expires after it is created");
    }

    /** Starts a new session family (a sign-in). */
    public static RefreshToken issue(RefreshTokenId id, UserId user, String tokenHash, Instant now, Instant expiresAt) {
        return new RefreshToken(id, user, id.value(), tokenHash, now, expiresAt, null);
    }

    /** Revokes this token and returns its successor in the same family. */
    public RefreshToken rotate(RefreshTokenId nextId, String nextHash, Instant now, Instant nextExpiresAt) {
        if (!isUsable(now)) throw new IllegalStateException("Only a usable refresh token rotates");
        revokedAt = now;
        return new RefreshToken(nextId, user, family, nextHash, now, nextExpiresAt, null);
    }

    /** Rebuilds a stored token. For persistence adapters only; checks no rules. */
    public static RefreshToken reconstitute(RefreshTokenId id, UserId user, long family, String tokenHash,
                                            Instant createdAt, Instant expiresAt, Instant revokedAt) {
        return new RefreshToken(id, user, family, tokenHash, createdAt, expiresAt, revokedAt);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) revokedAt = now;
    }

    public boolean isUsable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public RefreshTokenId id() {
        return id;
    }

    public UserId user() {
        return user;
    }

    public TenantId tenant() {
        return user.tenant();
    }

    public long family() {
        return family;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
