package dev.parley.adapter.out.persistence.telephony;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserPhoneNumberRows extends CrudRepository<UserPhoneNumberRow, Long> {
    List<UserPhoneNumberRow> findByTenantIdAndActiveOrderById(long tenantId, boolean active);

    Optional<UserPhoneNumberRow> findByPhoneNumberAndActive(String phoneNumber, boolean active);

    long deleteByIdAndTenantId(long id, long tenantId);

    @io.micronaut.data.annotation.Query("UPDATE user_phone_numbers SET inbound_scenario = :scenarioRef WHERE id = :id AND tenant_id = :tenantId")
    long route(long id, long tenantId, String scenarioRef);
}
