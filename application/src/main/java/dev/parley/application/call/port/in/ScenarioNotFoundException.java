package dev.parley.application.call.port.in;

import dev.parley.domain.shared.NotFoundException;

/** A call names a scenario the tenant does not have. */
public class ScenarioNotFoundException extends NotFoundException {
    public ScenarioNotFoundException() {
        super("scenario.not-found", "Scenario not found");
    }
}
