package dev.parley.application.schedule.service;

import dev.parley.application.schedule.port.in.ScheduleCallUseCase;
import dev.parley.application.usage.port.in.CheckBudgetUseCase;
import dev.parley.domain.usage.BudgetExhaustedException;

/** A tenant whose monthly budget is used up schedules no new calls ({@link BudgetExhaustedException}). */
public final class BudgetGuardedScheduling {
    private BudgetGuardedScheduling() {
    }

    public static ScheduleCallUseCase guarding(ScheduleCallUseCase schedule, CheckBudgetUseCase budget) {
        return command -> {
            if (budget.exhausted(command.tenant())) throw new BudgetExhaustedException();
            return schedule.schedule(command);
        };
    }
}
