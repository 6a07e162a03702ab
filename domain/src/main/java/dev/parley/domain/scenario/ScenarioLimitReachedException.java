package dev.parley.domain.scenario;

import dev.parley.domain.shared.ConflictException;

/** A tenant tried to keep more custom scenarios than allowed. */
public class ScenarioLimitReachedException extends ConflictException {
    public ScenarioLimitReachedException(int limit) {
        super("scenario.limit-reached", "Custom scenario limit reached: each user may keep at most " + limit
                + " custom scenarios; delete one to create another");
    }
}
