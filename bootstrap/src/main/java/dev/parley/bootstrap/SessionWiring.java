package dev.parley.bootstrap;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.in.EndBrowserCallUseCase;
import dev.parley.application.call.port.in.EndReportedCallUseCase;
import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.call.port.in.StartBrowserCallUseCase;
import dev.parley.application.call.port.in.StartReportedCallUseCase;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.call.service.ReportedCallService;
import dev.parley.application.console.service.CallAnnouncements;
import dev.parley.application.console.service.PublishingCallJournal;
import dev.parley.application.conversation.port.in.OpenBrowserCallUseCase;
import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.port.out.ConversationSideband;
import dev.parley.application.conversation.service.CallTools;
import dev.parley.application.conversation.service.LiveCalls;
import dev.parley.application.conversation.service.OpenBrowserCallService;
import dev.parley.application.conversation.service.OrganizationCalls;
import dev.parley.application.organization.port.in.BriefOrganizationCallUseCase;
import dev.parley.application.organization.port.in.GetOrganizationCallUseCase;
import dev.parley.application.organization.port.in.GetOrganizationUseCase;
import dev.parley.application.organization.port.in.RecordCollectedIntakeUseCase;
import dev.parley.application.organization.port.in.TrackConversationPhaseUseCase;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.session.port.in.EndClientCallUseCase;
import dev.parley.application.session.port.in.RelayBrowserSignalUseCase;
import dev.parley.application.session.port.in.StartBrowserSessionUseCase;
import dev.parley.application.session.port.in.StartClientCallUseCase;
import dev.parley.application.session.port.in.StartOrganizationSessionUseCase;
import dev.parley.application.session.port.out.BrowserBrief;
import dev.parley.application.session.port.out.BrowserRealtime;
import dev.parley.application.session.port.out.BrowserSessions;
import dev.parley.application.session.port.out.SessionBriefing;
import dev.parley.application.session.service.BrowserSessionService;
import dev.parley.application.session.service.ClientCallService;
import dev.parley.application.session.service.OrganizationSessionBriefing;
import dev.parley.application.session.service.ScenarioSessionBriefing;
import dev.parley.application.shared.Transactions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** The session context: browser realtime sessions (seeds 003/004), briefed like phone calls, run over the sideband. */
@Factory
class SessionWiring {
    /**
     * A scenario session gets the tools a browser call of that scenario runs on the server (a phone call's, the calendar's
     * included, but no transfer: a browser has no phone line); an organization's session ({@code org:<id>}) those of the
     * organization's calls.
     */
    @Singleton
    SessionBriefing sessionBriefing(FindCallScenarioUseCase scenarios, BriefOrganizationCallUseCase organizations,
                                    OrganizationCalls organizationCalls, CallTools tools) {
        SessionBriefing byScenario = new ScenarioSessionBriefing(scenarios, scenario -> specs(tools.forBrowserCall(scenario)));
        return new OrganizationSessionBriefing(byScenario, scenarios, organizations,
                (scenario, brief) -> specs(organizationCalls.toolsFor(brief, tools.forBrowserCall(scenario))));
    }

    private static List<BrowserBrief.Tool> specs(List<CallTool> tools) {
        return tools.stream().map(t -> new BrowserBrief.Tool(t.name(), t.description(), t.parametersJsonSchema())).toList();
    }

    /** A browser call's end is told to the tenant's consoles, as a phone call's is. */
    @Singleton
    EndBrowserCallUseCase endBrowserCall(ReportedCallService calls, CallAnnouncements announcements) {
        return announcements.announcing((EndBrowserCallUseCase) calls);
    }

    /**
     * The server's side of browser calls (the sideband): lines go through the publishing journal (consoles see them), the tools
     * are the briefing's, organization calls get their tools, watch and phases.
     */
    @Singleton
    OpenBrowserCallUseCase openBrowserCall(FindCallScenarioUseCase scenarios, ConversationSideband sideband, CallJournal journal,
                                           CallEvents events, EndBrowserCallUseCase ends,
                                           @Named(TaskExecutors.BLOCKING) ExecutorService blocking, Clock clock, LiveCalls liveCalls,
                                           CallTools tools, OrganizationCalls organizations, CallAnnouncements announcements,
                                           @Value("${parley.console.transcript-language:en}") String transcriptLanguage) {
        return announcements.announcing(new OpenBrowserCallService(scenarios, sideband,
                new PublishingCallJournal(journal, events, transcriptLanguage), ends, blocking, clock, liveCalls, tools, organizations));
    }

    @Singleton
    @Bean(typed = {StartBrowserSessionUseCase.class, StartOrganizationSessionUseCase.class, RelayBrowserSignalUseCase.class})
    BrowserSessionService browserSessions(SessionBriefing briefing, BrowserRealtime realtime, BrowserSessions sessions,
                                          StartBrowserCallUseCase calls, TrackConversationPhaseUseCase phases,
                                          OpenBrowserCallUseCase browserCalls, Clock clock) {
        return new BrowserSessionService(briefing, realtime, sessions, calls, phases, browserCalls, clock);
    }

    @Singleton
    @Bean(typed = {ClientCallService.class, StartClientCallUseCase.class})
    ClientCallService clientCalls(GetOrganizationUseCase organizations, StartReportedCallUseCase starts, EndReportedCallUseCase ends,
                                  RecordCollectedIntakeUseCase intakes, TrackConversationPhaseUseCase phases, ListCallsUseCase calls,
                                  GetOrganizationCallUseCase orgCalls, Transactions transactions) {
        return new ClientCallService(organizations, starts, ends, intakes, phases, calls, orgCalls, transactions);
    }

    /** A call a client reports ended is told to the tenant's consoles (once, when this report ended it), as a phone call's end is. */
    @Singleton
    EndClientCallUseCase endClientCall(ClientCallService calls, CallAnnouncements announcements) {
        return command -> {
            EndClientCallUseCase.EndedClientCallView ended = calls.end(command);
            if (ended.endedNow()) announcements.ended(command.tenant(), command.call());
            return ended;
        };
    }
}
