package dev.parley.application.usage.port.out;

import dev.parley.domain.shared.TenantId;
import dev.parley.domain.usage.MonthlyBudget;

import java.util.Optional;

/** Each tenant's monthly budget, if it set one. */
public interface BudgetRepository {
    Optional<MonthlyBudget> find(TenantId tenant);

    void save(TenantId tenant, MonthlyBudget budget);

    void remove(TenantId tenant);
}
