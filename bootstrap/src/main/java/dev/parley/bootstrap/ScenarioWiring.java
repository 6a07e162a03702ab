package dev.parley.bootstrap;

import dev.parley.application.scenario.port.in.CreateCustomScenarioUseCase;
import dev.parley.application.scenario.port.in.DeleteCustomScenarioUseCase;
import dev.parley.application.scenario.port.in.GetCustomScenarioUseCase;
import dev.parley.application.scenario.port.in.ListBuiltInScenariosUseCase;
import dev.parley.application.scenario.port.in.ListCustomScenariosUseCase;
import dev.parley.application.scenario.port.in.ListVoiceTypesUseCase;
import dev.parley.application.scenario.port.in.UpdateCustomScenarioUseCase;
import dev.parley.application.scenario.port.out.CustomScenarioRepository;
import dev.parley.application.scenario.service.CustomScenarioService;
import dev.parley.application.shared.Transactions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Scenarios; calls find theirs through {@link OrganizationWiring} ({@code org:<id>} names an organization), over the
 * calendar context's {@code CalendarScenario} (CalendarWiring), over this service. */
@Factory
class ScenarioWiring {
    @Singleton
    @Bean(typed = {CreateCustomScenarioUseCase.class, ListCustomScenariosUseCase.class, GetCustomScenarioUseCase.class,
            UpdateCustomScenarioUseCase.class, DeleteCustomScenarioUseCase.class, CustomScenarioService.class,
            ListBuiltInScenariosUseCase.class, ListVoiceTypesUseCase.class})
    CustomScenarioService scenarios(CustomScenarioRepository scenarios, Transactions transactions, Clock clock) {
        return new CustomScenarioService(scenarios, transactions, clock);
    }
}
