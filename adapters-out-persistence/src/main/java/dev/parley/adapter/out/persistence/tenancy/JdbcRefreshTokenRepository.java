package dev.parley.adapter.out.persistence.tenancy;

import dev.parley.adapter.out.persistence.shared.Sequences;
import dev.parley.application.tenancy.port.out.RefreshTokenRepository;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.tenancy.RefreshToken;
import dev.parley.domain.tenancy.RefreshTokenId;
import dev.parley.domain.tenancy.UserId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
class JdbcRefreshTokenRepository implements RefreshTokenRepository {
    private final RefreshTokenRows rows;
    private final Sequences sequences;

    JdbcRefreshTokenRepository(RefreshTokenRows rows, Sequences sequences) {
        this.rows = rows;
        this.sequences = sequences;
    }

    @Override
    public RefreshTokenId nextId() {
        return new RefreshTokenId(sequences.next("refresh_tokens_id_seq"));
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return rows.findByTokenHash(tokenHash).map(JdbcRefreshTokenRepository::toDomain);
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return rows.findByTokenHashForUpdate(tokenHash).map(JdbcRefreshTokenRepository::toDomain);
    }

    @Override
    public Optional<RefreshToken> find(TenantId tenant, RefreshTokenId id) {
        return rows.findByIdAndTenantId(id.value(), tenant.value()).map(JdbcRefreshTokenRepository::toDomain);
    }

    @Override
    public List<RefreshToken> findUsable(TenantId tenant, Instant now) {
        return rows.findByTenantIdAndRevokedAtIsNullAndExpiresAtGreaterThan(tenant.value(), now).stream()
                .map(JdbcRefreshTokenRepository::toDomain).toList();
    }

    @Override
    public void add(RefreshToken token) {
        rows.save(toRow(token));
    }

    @Override
    public void update(RefreshToken token) {
        rows.update(toRow(token));
    }

    @Override
    public void revokeFamily(TenantId tenant, long family, Instant now) {
        rows.revokeFamily(tenant.value(), family, now);
    }

    private static RefreshTokenRow toRow(RefreshToken t) {
        return new RefreshTokenRow(t.id().value(), t.tenant().value(), t.family(), t.tokenHash(), t.createdAt(),
                t.expiresAt(), t.revokedAt().orElse(null));
    }

    private static RefreshToken toDomain(RefreshTokenRow r) {
        return RefreshToken.reconstitute(new RefreshTokenId(r.id()), new UserId(r.tenantId()), r.family(), r.tokenHash(),
                r.createdAt(), r.expiresAt(), r.revokedAt());
    }
}
