package dev.parley.application.scenario.port.in;

import dev.parley.domain.shared.TenantId;

import java.util.List;

/** The tenant's own custom scenarios, oldest first. */
public interface ListCustomScenariosUseCase {
    List<CustomScenarioView> list(TenantId tenant);
}
