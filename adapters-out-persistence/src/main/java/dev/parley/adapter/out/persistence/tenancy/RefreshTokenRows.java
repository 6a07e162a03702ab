package dev.parley.adapter.out.persistence.tenancy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshTokenRows extends CrudRepository<RefreshTokenRow, Long> {
    Optional<RefreshTokenRow> findByTokenHash(String tokenHash);

    Optional<RefreshTokenRow> findByTokenHashForUpdate(String tokenHash);

    Optional<RefreshTokenRow> findByIdAndTenantId(long id, long tenantId);

    List<RefreshTokenRow> findByTenantIdAndRevokedAtIsNullAndExpiresAtGreaterThan(long tenantId, Instant now);

    @Query("UPDATE refresh_tokens SET revoked_at = :now WHERE tenant_id = :tenantId AND family = :family AND revoked_at IS NULL")
    void revokeFamily(long tenantId, long family, Instant now);
}
