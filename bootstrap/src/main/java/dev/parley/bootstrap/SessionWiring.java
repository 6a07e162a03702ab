package dev.parley.bootstrap;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.in.EndBrowserCallUseCase;
import dev.parley.application.call.port.in.StartBrowserCallUseCase;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.console.service.CallAnnouncements;
import dev.parley.application.console.service.PublishingCallJournal;
import dev.parley.application.conversation.port.in.OpenBrowserCallUseCase;
import dev.parley.application.conversation.port.out.ConversationSideband;
import dev.parley.application.conversation.service.LiveCalls;
import dev.parley.application.conversation.service.OpenBrowserCallService;
import dev.parley.application.conversation.service.OrganizationCalls;
import dev.parley.application.shared.Transactions;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.call.service.BrowserCallService;
import dev.parley.application.conversation.service.CallTools;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.session.port.in.RelayBrowserSignalUseCase;
import dev.parley.application.session.port.in.StartBrowserSessionUseCase;
import dev.parley.application.session.port.out.BrowserBrief;
import dev.parley.application.session.port.out.BrowserRealtime;
import dev.parley.application.session.port.out.BrowserSessions;
import dev.parley.application.session.port.out.SessionBriefing;
import dev.parley.application.session.service.BrowserSessionService;
import dev.parley.application.session.service.ScenarioSessionBriefing;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** The session context: browser realtime sessions (seeds 003/004), briefed like phone calls. */
@Factory
class SessionWiring {
    @Singleton
    @Bean(typed = BrowserCallService.class)
    BrowserCallService browserCallService(CallRepository calls, Transactions transactions, Clock clock) {
        return new BrowserCallService(calls, transactions, clock);
    }

    @Singleton
    StartBrowserCallUseCase startBrowserCall(BrowserCallService calls) {
        return calls;
    }

    /** A browser call's end is told to the tenant's consoles, as a phone call's is. */
    @Singleton
    EndBrowserCallUseCase endBrowserCall(BrowserCallService calls, CallAnnouncements announcements) {
        return announcements.announcing((EndBrowserCallUseCase) calls);
    }

    /** A scenario session gets the tools a browser call of that scenario runs on the server (a phone call's, but transfers). */
    @Singleton
    SessionBriefing sessionBriefing(FindCallScenarioUseCase scenarios, CallTools tools) {
        return new ScenarioSessionBriefing(scenarios, scenario -> tools.forBrowserCall(scenario).stream()
                .map(t -> new BrowserBrief.Tool(t.name(), t.description(), t.parametersJsonSchema())).toList());
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
    @Bean(typed = {StartBrowserSessionUseCase.class, RelayBrowserSignalUseCase.class})
    BrowserSessionService browserSessions(SessionBriefing briefing, BrowserRealtime realtime, BrowserSessions sessions,
                                          StartBrowserCallUseCase calls, OpenBrowserCallUseCase browserCalls, Clock clock) {
        return new BrowserSessionService(briefing, realtime, sessions, calls, browserCalls, clock);
    }
}
