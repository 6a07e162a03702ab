package dev.parley.bootstrap;

import dev.parley.application.call.port.in.AcceptInboundCallUseCase;
import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.in.RecordCallStatusUseCase;
import dev.parley.application.call.port.out.CallControl;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.console.port.in.SpeakIntoCallUseCase;
import dev.parley.application.console.port.in.UpdateCallFromConsoleUseCase;
import dev.parley.application.console.service.CallAnnouncements;
import dev.parley.application.console.service.ConsoleService;
import dev.parley.application.console.service.PublishingCallJournal;
import dev.parley.application.conversation.port.in.OpenLiveCallUseCase;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The live console (seed 002): console use cases, and call events announced by wrapping the call
 * context's use cases as they are created, so the call context itself knows nothing of consoles.
 */
@Factory
class ConsoleWiring {

    @Singleton
    @Bean(typed = {SpeakIntoCallUseCase.class, UpdateCallFromConsoleUseCase.class})
    ConsoleService consoleService(CallRepository calls, CallMessageRepository messages, CallEvents events, CallControl control,
                                  Clock clock) {
        return new ConsoleService(calls, messages, events, control, clock);
    }

    @Singleton
    CallAnnouncements callAnnouncements(CallRepository calls, CallEvents events, Clock clock) {
        return new CallAnnouncements(calls, events, clock);
    }

    @Singleton
    BeanCreatedEventListener<CallJournal> publishingJournal(BeanProvider<CallEvents> events,
                                                            @Value("${parley.console.transcript-language:en}") String language) {
        return (BeanCreatedEvent<CallJournal> event) -> new PublishingCallJournal(event.getBean(), events.get(), language);
    }

    @Singleton
    BeanCreatedEventListener<RecordCallStatusUseCase> announcedStatuses(BeanProvider<CallAnnouncements> announcements) {
        return event -> announcements.get().announcing(event.getBean());
    }

    @Singleton
    BeanCreatedEventListener<AcceptInboundCallUseCase> announcedArrivals(BeanProvider<CallAnnouncements> announcements) {
        return event -> announcements.get().announcing(event.getBean());
    }

    @Singleton
    BeanCreatedEventListener<OpenLiveCallUseCase> announcedStreams(BeanProvider<CallAnnouncements> announcements) {
        return event -> announcements.get().announcing(event.getBean());
    }
}
