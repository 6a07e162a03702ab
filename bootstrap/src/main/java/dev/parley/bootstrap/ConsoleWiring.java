package dev.parley.bootstrap;

import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.call.port.in.FollowLiveCallUseCase;
import dev.parley.application.console.port.in.SpeakIntoCallUseCase;
import dev.parley.application.console.port.in.TranscribeCustomerAudioUseCase;
import dev.parley.application.transcript.port.in.TranscribeAudioUseCase;
import dev.parley.application.console.port.in.UpdateCallFromConsoleUseCase;
import dev.parley.application.console.service.CallAnnouncements;
import dev.parley.application.console.service.ConsoleService;
import dev.parley.application.conversation.port.out.TextToSpeech;
import dev.parley.application.conversation.service.LiveCallCommands;
import dev.parley.application.conversation.service.SimulatedCarrier;
import dev.parley.application.conversation.service.LiveCalls;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/**
 * The live console (seed 002): console use cases, and the announcer the call and conversation
 * wiring wrap their use cases with, so the call context itself knows nothing of consoles.
 */
@Factory
class ConsoleWiring {

    @Singleton
    @Bean(typed = {SpeakIntoCallUseCase.class, UpdateCallFromConsoleUseCase.class, TranscribeCustomerAudioUseCase.class})
    ConsoleService consoleService(FollowLiveCallUseCase calls, CallEvents events, SimulatedCarrier control,
                                  Clock clock, TranscribeAudioUseCase speechToText) {
        return new ConsoleService(calls, events, control, clock, speechToText);
    }

    /** Listens from start-up on: a console on another instance may ask this one to speak into its calls. */
    @Context
    @Bean(preDestroy = "close")
    LiveCallCommands liveCallCommands(LiveCalls calls, CallEvents events, TextToSpeech speech,
                                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking, Clock clock,
                                      @Value("${parley.console.agent-voice:alloy}") String voice) {
        return new LiveCallCommands(calls, events, speech, blocking, clock, voice);
    }

    @Singleton
    CallAnnouncements callAnnouncements(FollowLiveCallUseCase calls, CallEvents events, Clock clock) {
        return new CallAnnouncements(calls, events, clock);
    }
}
