package dev.parley.adapter.out.persistence.usage;

import dev.parley.application.usage.port.out.BudgetRepository;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.usage.MonthlyBudget;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

@Singleton
class JdbcBudgetRepository implements BudgetRepository {
    private final BudgetRows rows;

    JdbcBudgetRepository(BudgetRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<MonthlyBudget> find(TenantId tenant) {
        return rows.findById(tenant.value()).map(r -> new MonthlyBudget(r.monthlyLimitUsd()));
    }

    @Override
    public void save(TenantId tenant, MonthlyBudget budget) {
        BudgetRow row = new BudgetRow(tenant.value(), budget.limitUsd(), Instant.now());
        if (rows.existsById(tenant.value())) rows.update(row);
        else rows.save(row);
    }

    @Override
    public void remove(TenantId tenant) {
        rows.deleteById(tenant.value());
    }
}
