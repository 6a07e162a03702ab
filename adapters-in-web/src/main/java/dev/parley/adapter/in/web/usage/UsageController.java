package dev.parley.adapter.in.web.usage;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.application.usage.port.in.ManageBudgetUseCase;
import dev.parley.application.usage.port.in.ReportUsageUseCase;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.usage.MonthlyBudget;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What the tenant's calls used and cost, day by day, and the tenant's monthly budget. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Usage")
class UsageController {
    private final ReportUsageUseCase usage;
    private final ManageBudgetUseCase budgets;
    private final Clock clock;

    UsageController(ReportUsageUseCase usage, ManageBudgetUseCase budgets, Clock clock) {
        this.usage = usage;
        this.budgets = budgets;
        this.clock = clock;
    }

    @Operation(summary = "My calls' usage and estimated cost per day (UTC)",
            description = "from and to are dates (YYYY-MM-DD), both inclusive; default: this month so far. At most 366 days.")
    @Get("/api/usage")
    UsageMessages.UsageBody usage(@QueryValue @Nullable String from, @QueryValue @Nullable String to, Authentication auth) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate end = date("to", to).orElse(today);
        LocalDate start = date("from", from).orElse(end.withDayOfMonth(1));
        return UsageMessages.UsageBody.from(usage.between(CurrentTenant.of(auth), start, end));
    }

    @Operation(summary = "My monthly budget and this month's estimated cost")
    @Get("/settings/budget")
    UsageMessages.BudgetBody budget(Authentication auth) {
        return UsageMessages.BudgetBody.from(budgets.budget(CurrentTenant.of(auth)));
    }

    @Operation(summary = "Set or clear my monthly budget",
            description = "{\"monthly_limit_usd\": 50} sets it, null clears it. Once this month's estimated cost reaches it, new outbound "
                    + "and scheduled calls answer 402 and inbound calls hear a polite refusal.")
    @Put(value = "/settings/budget", consumes = MediaType.APPLICATION_JSON)
    UsageMessages.BudgetBody setBudget(@Body UsageMessages.BudgetRequest body, Authentication auth) {
        Optional<MonthlyBudget> limit = Optional.ofNullable(body.monthlyLimitUsd()).map(MonthlyBudget::new);
        return UsageMessages.BudgetBody.from(budgets.set(CurrentTenant.of(auth), limit));
    }

    private static Optional<LocalDate> date(String field, String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "usage.date", field + " must be a date such as 2026-12-01");
        }
    }
}
