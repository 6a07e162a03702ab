package dev.parley.adapter.out.persistence.scenario;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CustomScenarioRows extends CrudRepository<CustomScenarioRow, Long> {
    Optional<CustomScenarioRow> findByTenantIdAndScenarioId(long tenantId, String scenarioId);

    Optional<CustomScenarioRow> findByIdAndTenantId(long id, long tenantId);

    List<CustomScenarioRow> findByTenantIdOrderById(long tenantId);

    long countByTenantId(long tenantId);

    long deleteByIdAndTenantId(long id, long tenantId);
}
