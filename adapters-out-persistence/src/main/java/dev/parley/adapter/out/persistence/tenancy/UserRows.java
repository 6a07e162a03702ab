package dev.parley.adapter.out.persistence.tenancy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

// SQL is generated at compile time for PostgreSQL; H2 runs in MODE=PostgreSQL (TOOLCHAIN.md §4)
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRows extends CrudRepository<UserRow, Long> {
    Optional<UserRow> findByEmail(String email);
}
