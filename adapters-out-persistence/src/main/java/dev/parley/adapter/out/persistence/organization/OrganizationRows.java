package dev.parley.adapter.out.persistence.organization;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganizationRows extends CrudRepository<OrganizationRow, Long> {
    Optional<OrganizationRow> findByIdAndTenantId(long id, long tenantId);

    List<OrganizationRow> findByTenantIdOrderById(long tenantId);

    long deleteByIdAndTenantId(long id, long tenantId);
}
