package dev.parley.adapter.out.persistence.schedule;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ScheduledCallRows extends CrudRepository<ScheduledCallRow, Long> {
    Optional<ScheduledCallRow> findByIdAndTenantId(long id, long tenantId);

    Optional<ScheduledCallRow> findByIdForUpdate(long id);

    long countByTenantId(long tenantId);

    long countByTenantIdAndStatus(long tenantId, String status);

    @Query("SELECT * FROM scheduled_calls WHERE tenant_id = :tenantId ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<ScheduledCallRow> page(long tenantId, int limit, int offset);

    @Query("SELECT * FROM scheduled_calls WHERE tenant_id = :tenantId AND status = :status"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<ScheduledCallRow> pageOfStatus(long tenantId, String status, int limit, int offset);
}
