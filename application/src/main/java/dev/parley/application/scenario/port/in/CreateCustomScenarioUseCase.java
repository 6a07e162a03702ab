package dev.parley.application.scenario.port.in;

/** Writes a new custom scenario for a tenant (at most 20 each). */
public interface CreateCustomScenarioUseCase {
    CustomScenarioView create(CustomScenarioCommand command);
}
