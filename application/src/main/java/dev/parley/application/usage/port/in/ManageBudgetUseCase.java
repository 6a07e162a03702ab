package dev.parley.application.usage.port.in;

import dev.parley.domain.shared.TenantId;
import dev.parley.domain.usage.MonthlyBudget;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/** A tenant's monthly budget: set, cleared, and how much of it this month's calls have used. */
public interface ManageBudgetUseCase {
    BudgetView budget(TenantId tenant);

    /** Sets the limit, or clears it when {@code limit} is empty. */
    BudgetView set(TenantId tenant, Optional<MonthlyBudget> limit);

    /** @param limitUsd empty when the tenant has no budget; {@code spentUsd} is this month's estimated cost */
    record BudgetView(Optional<BigDecimal> limitUsd, YearMonth month, BigDecimal spentUsd, boolean exhausted) {
    }
}
