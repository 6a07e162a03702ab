package dev.parley.domain.usage;

import dev.parley.domain.shared.DomainException;

/** The tenant's estimated cost this month has reached its monthly budget: no new calls until the limit is raised or the month ends. */
public class BudgetExhaustedException extends DomainException {
    public BudgetExhaustedException() {
        super("budget.exhausted", "This month's call budget is used up: the estimated cost of this month's calls has reached the monthly limit. "
                + "Raise the limit in PUT /settings/budget to place more calls.");
    }
}
