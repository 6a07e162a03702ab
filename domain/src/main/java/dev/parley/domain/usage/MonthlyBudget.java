package dev.parley.domain.usage;

import dev.parley.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A tenant's ceiling on the estimated cost of one calendar month (UTC), in US dollars. */
public record MonthlyBudget(BigDecimal limitUsd) {
    private static final BigDecimal MAX = BigDecimal.valueOf(1_000_000);

    public MonthlyBudget {
        if (limitUsd == null || limitUsd.signum() <= 0 || limitUsd.compareTo(MAX) > 0)
            throw new InvalidValueException("monthly_limit_usd", "budget.invalid", "The monthly limit must be more than 0 and at most 1000000 USD");
        if (limitUsd.stripTrailingZeros().scale() > 2)
            throw new InvalidValueException("monthly_limit_usd", "budget.invalid", "The monthly limit is in dollars and cents (at most two decimals)");
        limitUsd = limitUsd.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Spending {@code spentUsd} this month has reached the limit: new calls are refused. */
    public boolean reachedBy(BigDecimal spentUsd) {
        return spentUsd.compareTo(limitUsd) >= 0;
    }
}
