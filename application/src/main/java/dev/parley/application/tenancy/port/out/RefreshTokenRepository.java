package dev.parley.application.tenancy.port.out;

import dev.parley.domain.shared.TenantId;
import dev.parley.domain.tenancy.RefreshToken;
import dev.parley.domain.tenancy.RefreshTokenId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores refresh tokens by their hash; every tenant-facing lookup is scoped to one tenant. */
public interface RefreshTokenRepository {
    RefreshTokenId nextId();

    /** Finds by hash for the sign-in flow, where the token itself is the credential. */
    Optional<RefreshToken> findByHash(String tokenHash);

    /** Finds and locks the row, so two concurrent refreshes of one token cannot both rotate it. */
    Optional<RefreshToken> findByHashForUpdate(String tokenHash);

    Optional<RefreshToken> find(TenantId tenant, RefreshTokenId id);

    List<RefreshToken> findUsable(TenantId tenant, Instant now);

    void add(RefreshToken token);

    void update(RefreshToken token);

    /** Revokes every unrevoked token of a family (a leaked token was replayed). */
    void revokeFamily(TenantId tenant, long family, Instant now);
}
