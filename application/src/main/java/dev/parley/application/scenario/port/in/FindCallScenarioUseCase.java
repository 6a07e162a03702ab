package dev.parley.application.scenario.port.in;

import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** Finds the scenario a call runs: a built-in one by name, or one of the tenant's own custom scenarios by id. */
public interface FindCallScenarioUseCase {
    /** Empty when no such scenario exists for this tenant (another tenant's custom scenario included). */
    Optional<CallScenario> find(TenantId tenant, String scenarioRef);
}
