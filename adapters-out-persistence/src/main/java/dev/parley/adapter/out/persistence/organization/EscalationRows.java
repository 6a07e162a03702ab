package dev.parley.adapter.out.persistence.organization;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EscalationRows extends CrudRepository<EscalationRow, Long> {
    List<EscalationRow> findByTenantIdAndCallIdOrderById(long tenantId, long callId);
}
