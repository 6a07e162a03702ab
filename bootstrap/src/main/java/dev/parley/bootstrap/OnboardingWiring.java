package dev.parley.bootstrap;

import dev.parley.application.onboarding.port.in.CheckOnboardingStepUseCase;
import dev.parley.application.onboarding.port.in.CompleteOnboardingStepUseCase;
import dev.parley.application.onboarding.port.in.GetOnboardingStatusUseCase;
import dev.parley.application.onboarding.port.in.NextOnboardingActionUseCase;
import dev.parley.application.onboarding.port.in.StartOnboardingUseCase;
import dev.parley.application.onboarding.port.out.CalendarConnections;
import dev.parley.application.onboarding.port.out.CallActivity;
import dev.parley.application.onboarding.port.out.NumberHoldings;
import dev.parley.application.onboarding.port.out.OnboardingRepository;
import dev.parley.application.onboarding.port.out.ScenarioHoldings;
import dev.parley.application.onboarding.service.OnboardingService;
import dev.parley.application.scenario.port.in.ListCustomScenariosUseCase;
import dev.parley.application.shared.Transactions;
import dev.parley.application.telephony.port.in.ListTenantNumbersUseCase;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Onboarding and the evidence it reads from the other contexts. Completed calls come from the
 * call records ({@link CallActivity} in persistence), a stored calendar connection from the
 * calendar store ({@link CalendarConnections} in persistence).
 */
@Factory
class OnboardingWiring {
    @Singleton
    @Bean(typed = {GetOnboardingStatusUseCase.class, StartOnboardingUseCase.class, CompleteOnboardingStepUseCase.class,
            CheckOnboardingStepUseCase.class, NextOnboardingActionUseCase.class})
    OnboardingService onboarding(OnboardingRepository progress, NumberHoldings numbers, ScenarioHoldings scenarios, CallActivity calls,
                                 CalendarConnections calendars, Transactions transactions, Clock clock) {
        return new OnboardingService(progress, numbers, scenarios, calls, calendars, transactions, clock);
    }

    /** Every new account starts its onboarding inside the registering transaction. */
    @Singleton
    TenancyWiring.NewTenantListener startOnboardingAtRegistration(StartOnboardingUseCase onboarding) {
        return user -> onboarding.start(user.tenant());
    }

    @Singleton
    NumberHoldings numberHoldings(ListTenantNumbersUseCase numbers) {
        return tenant -> !numbers.list(tenant).isEmpty();
    }

    @Singleton
    ScenarioHoldings scenarioHoldings(ListCustomScenariosUseCase scenarios) {
        return tenant -> !scenarios.list(tenant).isEmpty();
    }
}
