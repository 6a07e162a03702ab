package dev.parley.application.scenario.port.in;

/** Rewrites one of the tenant's custom scenarios. */
public interface UpdateCustomScenarioUseCase {
    CustomScenarioView update(String scenarioId, CustomScenarioCommand command);
}
