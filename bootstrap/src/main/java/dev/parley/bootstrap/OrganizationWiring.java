package dev.parley.bootstrap;

import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.conversation.service.OrganizationCalls;
import dev.parley.application.organization.port.in.BriefOrganizationCallUseCase;
import dev.parley.application.organization.port.in.ConfigureOrganizationUseCase;
import dev.parley.application.organization.port.in.CreateOrganizationUseCase;
import dev.parley.application.organization.port.in.DeleteOrganizationUseCase;
import dev.parley.application.organization.port.in.EscalateCallManuallyUseCase;
import dev.parley.application.organization.port.in.GetOrganizationCallUseCase;
import dev.parley.application.organization.port.in.GetOrganizationUseCase;
import dev.parley.application.organization.port.in.HandleOrganizationToolUseCase;
import dev.parley.application.organization.port.in.ListOrganizationsUseCase;
import dev.parley.application.organization.port.in.RecordCollectedIntakeUseCase;
import dev.parley.application.organization.port.in.RecordEscalationUseCase;
import dev.parley.application.organization.port.in.TrackConversationPhaseUseCase;
import dev.parley.application.organization.port.out.ConversationPhases;
import dev.parley.application.organization.port.out.JsonObjects;
import dev.parley.application.organization.port.out.OrgCallRepository;
import dev.parley.application.organization.port.out.OrganizationRepository;
import dev.parley.application.organization.service.OrgCallService;
import dev.parley.application.organization.service.OrganizationScenarios;
import dev.parley.application.organization.service.OrganizationService;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.calendar.service.CalendarScenario;
import dev.parley.application.shared.Transactions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** Organizations (seed 003): their configuration, the calls that run for them, and how a call finds its scenario or organization. */
@Factory
class OrganizationWiring {
    @Singleton
    @Bean(typed = {CreateOrganizationUseCase.class, ListOrganizationsUseCase.class, DeleteOrganizationUseCase.class,
            GetOrganizationUseCase.class, ConfigureOrganizationUseCase.class, BriefOrganizationCallUseCase.class})
    OrganizationService organizations(OrganizationRepository organizations, Transactions transactions, Clock clock) {
        return new OrganizationService(organizations, transactions, clock);
    }

    /** Where every call finds what it runs: a scenario (the calendar's included), or an organization named {@code org:<id>}. */
    @Singleton
    FindCallScenarioUseCase callScenarios(CalendarScenario scenarios, BriefOrganizationCallUseCase briefs) {
        return new OrganizationScenarios(scenarios, briefs);
    }

    @Singleton
    @Bean(typed = {HandleOrganizationToolUseCase.class, RecordEscalationUseCase.class, EscalateCallManuallyUseCase.class,
            TrackConversationPhaseUseCase.class, GetOrganizationCallUseCase.class, RecordCollectedIntakeUseCase.class})
    OrgCallService orgCalls(OrganizationRepository organizations, OrgCallRepository orgCalls, ConversationPhases phases,
                            CallEvents events, ListCallsUseCase calls, JsonObjects json, Transactions transactions, Clock clock) {
        return new OrgCallService(organizations, orgCalls, phases, events, calls, json, transactions, clock);
    }

    @Singleton
    OrganizationCalls organizationCalls(BriefOrganizationCallUseCase briefs, HandleOrganizationToolUseCase tools,
                                        RecordEscalationUseCase escalations, TrackConversationPhaseUseCase phases,
                                        @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return new OrganizationCalls(briefs, tools, escalations, phases, blocking);
    }
}
