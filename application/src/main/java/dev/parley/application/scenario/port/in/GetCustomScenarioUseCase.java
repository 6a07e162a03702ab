package dev.parley.application.scenario.port.in;

import dev.parley.domain.shared.TenantId;

/** One of the tenant's custom scenarios, by {@code scenario_id} or numeric id; another tenant's is {@link ScenarioNotFoundException}. */
public interface GetCustomScenarioUseCase {
    CustomScenarioView get(TenantId tenant, String scenarioId);
}
