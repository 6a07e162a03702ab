package dev.parley.application.scenario.port.in;

import dev.parley.domain.shared.TenantId;

/** Deletes one of the tenant's custom scenarios. */
public interface DeleteCustomScenarioUseCase {
    void delete(TenantId tenant, String scenarioId);
}
