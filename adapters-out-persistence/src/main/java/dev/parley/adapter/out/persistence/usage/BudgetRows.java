package dev.parley.adapter.out.persistence.usage;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface BudgetRows extends CrudRepository<BudgetRow, Long> {
}
