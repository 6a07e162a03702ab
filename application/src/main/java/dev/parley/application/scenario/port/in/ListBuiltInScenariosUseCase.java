package dev.parley.application.scenario.port.in;

import java.util.List;

/** The scenarios every tenant can call with by name. */
public interface ListBuiltInScenariosUseCase {
    List<BuiltInScenarioView> list();
}
