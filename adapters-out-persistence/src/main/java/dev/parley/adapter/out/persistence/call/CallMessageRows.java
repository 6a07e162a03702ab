package dev.parley.adapter.out.persistence.call;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CallMessageRows extends GenericRepository<CallMessageRow, Long> {
    List<CallMessageRow> findByTenantIdAndCallIdOrderById(long tenantId, long callId);
}
