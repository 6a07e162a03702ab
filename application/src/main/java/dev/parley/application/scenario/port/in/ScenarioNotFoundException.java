package dev.parley.application.scenario.port.in;

import dev.parley.domain.shared.NotFoundException;

/** No such scenario for the asking tenant (another tenant's included). */
public class ScenarioNotFoundException extends NotFoundException {
    public ScenarioNotFoundException() {
        super("scenario.not-found", "Scenario not found");
    }
}
