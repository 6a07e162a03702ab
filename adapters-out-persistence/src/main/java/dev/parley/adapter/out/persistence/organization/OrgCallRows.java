package dev.parley.adapter.out.persistence.organization;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrgCallRows extends CrudRepository<OrgCallRow, Long> {
    Optional<OrgCallRow> findByCallIdAndTenantId(long callId, long tenantId);

    Optional<OrgCallRow> findByCallIdAndTenantIdForUpdate(long callId, long tenantId);
}
