package dev.parley.bootstrap;

import dev.parley.application.call.port.in.PlaceOutboundCallUseCase;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.schedule.port.in.CallingWindowUseCase;
import dev.parley.application.schedule.port.in.CancelScheduledCallUseCase;
import dev.parley.application.schedule.port.in.FireScheduledCallUseCase;
import dev.parley.application.schedule.port.in.GetScheduledCallUseCase;
import dev.parley.application.schedule.port.in.ListScheduledCallsUseCase;
import dev.parley.application.schedule.port.in.MoveScheduledCallUseCase;
import dev.parley.application.schedule.port.in.ScheduleCallUseCase;
import dev.parley.application.schedule.port.out.CallTimer;
import dev.parley.application.schedule.port.out.CallingWindowRepository;
import dev.parley.application.schedule.port.out.DialPace;
import dev.parley.application.schedule.port.out.ScheduledCallRepository;
import dev.parley.application.schedule.service.ScheduledCallFiring;
import dev.parley.application.schedule.service.ScheduledCallService;
import dev.parley.application.schedule.service.SchedulePolicy;
import dev.parley.application.shared.Transactions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The schedule context: scheduled calls, calling windows, firing them through the call context's PlaceOutboundCall. */
@Factory
class ScheduleWiring {
    @Singleton
    SchedulePolicy schedulePolicy(@Value("${parley.schedule.grace:15m}") Duration grace,
                                  @Value("${parley.schedule.max-attempts:3}") int maxAttempts,
                                  @Value("${parley.schedule.retry-backoff:30s}") Duration retryBackoff) {
        return new SchedulePolicy(grace, maxAttempts, retryBackoff);
    }

    @Singleton
    @Bean(typed = {ScheduledCallService.class, ListScheduledCallsUseCase.class, GetScheduledCallUseCase.class,
            MoveScheduledCallUseCase.class, CancelScheduledCallUseCase.class, CallingWindowUseCase.class})
    ScheduledCallService scheduledCalls(ScheduledCallRepository schedules, CallingWindowRepository windows,
                                        FindCallScenarioUseCase scenarios, CallTimer timer, Transactions transactions, Clock clock) {
        return new ScheduledCallService(schedules, windows, scenarios, timer, transactions, clock);
    }

    /** A tenant over its monthly budget schedules no new calls (402). */
    @Singleton
    ScheduleCallUseCase scheduleCall(ScheduledCallService schedules, dev.parley.application.usage.port.in.CheckBudgetUseCase budget) {
        return dev.parley.application.schedule.service.BudgetGuardedScheduling.guarding(schedules, budget);
    }

    @Singleton
    FireScheduledCallUseCase fireScheduledCall(ScheduledCallRepository schedules, CallingWindowRepository windows,
                                               PlaceOutboundCallUseCase place, DialPace pace, Transactions transactions, Clock clock,
                                               SchedulePolicy policy) {
        return new ScheduledCallFiring(schedules, windows, place, pace, transactions, clock, policy);
    }
}
