package dev.parley.adapter.out.persistence.call;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CallRows extends CrudRepository<CallRow, Long> {
    Optional<CallRow> findByIdAndTenantId(long id, long tenantId);

    Optional<CallRow> findByIdForUpdate(long id);

    Optional<CallRow> findByCallSid(String callSid);

    Optional<CallRow> findByCallSidForUpdate(String callSid);

    long countByTenantId(long tenantId);

    @Query("SELECT * FROM calls WHERE tenant_id = :tenantId ORDER BY start_time DESC, id DESC LIMIT :limit OFFSET :offset")
    List<CallRow> page(long tenantId, int limit, int offset);

    long countByTenantIdAndScenarioRef(long tenantId, String scenarioRef);

    @Query("SELECT * FROM calls WHERE tenant_id = :tenantId AND scenario_ref = :scenarioRef ORDER BY start_time DESC, id DESC LIMIT :limit OFFSET :offset")
    List<CallRow> pageOf(long tenantId, String scenarioRef, int limit, int offset);
}
