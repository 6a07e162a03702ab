package dev.parley.application.onboarding.port.out;

import dev.parley.domain.shared.TenantId;

/** Evidence of the first_scenario_created step: the tenant has written a custom scenario. */
public interface ScenarioHoldings {
    boolean hasCustomScenario(TenantId tenant);
}
