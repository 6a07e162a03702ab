package dev.parley.bootstrap;

import dev.parley.application.call.port.in.StartBrowserCallUseCase;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.call.service.BrowserCallService;
import dev.parley.application.conversation.service.CallTools;
import dev.parley.application.conversation.service.ConversationPolicy;
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
import jakarta.inject.Singleton;

import java.time.Clock;

/** The session context: browser realtime sessions (seeds 003/004), briefed like phone calls. */
@Factory
class SessionWiring {
    @Singleton
    StartBrowserCallUseCase startBrowserCall(CallRepository calls, Clock clock) {
        return new BrowserCallService(calls, clock);
    }

    /** A scenario session gets the tools a phone call of that scenario gets. */
    @Singleton
    SessionBriefing sessionBriefing(FindCallScenarioUseCase scenarios, ConversationPolicy policy) {
        CallTools tools = new CallTools(policy);
        return new ScenarioSessionBriefing(scenarios, scenario -> tools.forCall(scenario).stream()
                .map(t -> new BrowserBrief.Tool(t.name(), t.description(), t.parametersJsonSchema())).toList());
    }

    @Singleton
    @Bean(typed = {StartBrowserSessionUseCase.class, RelayBrowserSignalUseCase.class})
    BrowserSessionService browserSessions(SessionBriefing briefing, BrowserRealtime realtime, BrowserSessions sessions,
                                          StartBrowserCallUseCase calls, Clock clock) {
        return new BrowserSessionService(briefing, realtime, sessions, calls, clock);
    }
}
