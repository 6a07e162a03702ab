package dev.parley.application.scenario.port.out;

import dev.parley.domain.scenario.CustomScenario;
import dev.parley.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Stores tenants' custom scenarios; every lookup is scoped to one tenant. */
public interface CustomScenarioRepository {
    long nextId();

    /**
     * Locks the tenant until the current transaction ends, so counting and adding are atomic per
     * tenant (two concurrent creates at 19 cannot both pass the limit). Must run in a transaction.
     */
    void lockTenant(TenantId tenant);

    int count(TenantId tenant);

    Optional<CustomScenario> findByRef(TenantId tenant, String ref);

    Optional<CustomScenario> findById(TenantId tenant, long id);

    /** Oldest first. */
    List<CustomScenario> list(TenantId tenant);

    void add(CustomScenario scenario);

    void update(CustomScenario scenario);

    /** Answers whether a scenario of this tenant was deleted. */
    boolean delete(TenantId tenant, long id);
}
