package dev.parley.bootstrap;

import dev.parley.application.call.port.in.EndReportedCallUseCase;
import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.call.port.in.StartBrowserCallUseCase;
import dev.parley.application.call.port.in.StartReportedCallUseCase;
import dev.parley.application.organization.port.in.GetOrganizationCallUseCase;
import dev.parley.application.organization.port.in.GetOrganizationUseCase;
import dev.parley.application.organization.port.in.RecordCollectedIntakeUseCase;
import dev.parley.application.session.port.in.EndClientCallUseCase;
import dev.parley.application.session.port.in.StartClientCallUseCase;
import dev.parley.application.session.service.ClientCallService;
import dev.parley.application.shared.Transactions;
import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.service.CallTools;
import dev.parley.application.conversation.service.ConversationPolicy;
import dev.parley.application.conversation.service.OrganizationCalls;
import dev.parley.application.organization.port.in.BriefOrganizationCallUseCase;
import dev.parley.application.organization.port.in.TrackConversationPhaseUseCase;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.session.port.in.RelayBrowserSignalUseCase;
import dev.parley.application.session.port.in.StartBrowserSessionUseCase;
import dev.parley.application.session.port.in.StartOrganizationSessionUseCase;
import dev.parley.application.session.port.out.BrowserBrief;
import dev.parley.application.session.port.out.BrowserRealtime;
import dev.parley.application.session.port.out.BrowserSessions;
import dev.parley.application.session.port.out.SessionBriefing;
import dev.parley.application.session.service.BrowserSessionService;
import dev.parley.application.session.service.OrganizationSessionBriefing;
import dev.parley.application.session.service.ScenarioSessionBriefing;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** The session context: browser realtime sessions (seeds 003/004), briefed like phone calls. */
@Factory
class SessionWiring {
    /**
     * A scenario session gets the tools a phone call of that scenario gets (every {@link CallTool} bean it accepts, the
     * calendar's included); an organization's session ({@code org:<id>}) those of the organization's phone calls.
     */
    @Singleton
    SessionBriefing sessionBriefing(FindCallScenarioUseCase scenarios, BriefOrganizationCallUseCase organizations,
                                    OrganizationCalls organizationCalls, ConversationPolicy policy, List<CallTool> extra) {
        CallTools tools = new CallTools(policy, extra);
        SessionBriefing byScenario = new ScenarioSessionBriefing(scenarios, scenario -> specs(tools.forCall(scenario)));
        return new OrganizationSessionBriefing(byScenario, scenarios, organizations,
                (scenario, brief) -> specs(organizationCalls.toolsFor(brief, tools.forCall(scenario))));
    }

    private static List<BrowserBrief.Tool> specs(List<CallTool> tools) {
        return tools.stream().map(t -> new BrowserBrief.Tool(t.name(), t.description(), t.parametersJsonSchema())).toList();
    }

    @Singleton
    @Bean(typed = {StartBrowserSessionUseCase.class, StartOrganizationSessionUseCase.class, RelayBrowserSignalUseCase.class})
    BrowserSessionService browserSessions(SessionBriefing briefing, BrowserRealtime realtime, BrowserSessions sessions,
                                          StartBrowserCallUseCase calls, TrackConversationPhaseUseCase phases, Clock clock) {
        return new BrowserSessionService(briefing, realtime, sessions, calls, phases, clock);
    }

    @Singleton
    @Bean(typed = {StartClientCallUseCase.class, EndClientCallUseCase.class})
    ClientCallService clientCalls(GetOrganizationUseCase organizations, StartReportedCallUseCase starts, EndReportedCallUseCase ends,
                                  RecordCollectedIntakeUseCase intakes, TrackConversationPhaseUseCase phases, ListCallsUseCase calls,
                                  GetOrganizationCallUseCase orgCalls, Transactions transactions) {
        return new ClientCallService(organizations, starts, ends, intakes, phases, calls, orgCalls, transactions);
    }
}
