package dev.parley.application.usage.port.in;

import dev.parley.domain.shared.TenantId;

/** Tells whether a tenant may start new calls under its monthly budget. */
public interface CheckBudgetUseCase {
    /** True when the tenant has a budget and this month's estimated cost has reached it. */
    boolean exhausted(TenantId tenant);
}
