package dev.parley.adapter.out.persistence.usage;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

@MappedEntity("usage_budgets")
record BudgetRow(@Id long tenantId, BigDecimal monthlyLimitUsd, Instant updatedAt) {
}
