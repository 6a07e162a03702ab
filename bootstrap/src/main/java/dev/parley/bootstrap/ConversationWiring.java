package dev.parley.bootstrap;

import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.console.service.CallAnnouncements;
import dev.parley.application.console.service.PublishingCallJournal;
import dev.parley.application.call.port.in.RedeemStreamTokenUseCase;
import dev.parley.application.call.port.out.CallControl;
import dev.parley.application.conversation.port.in.MonitorLiveCallsUseCase;
import dev.parley.application.conversation.port.in.OpenLiveCallUseCase;
import dev.parley.application.conversation.port.out.ConversationModel;
import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.service.CallTools;
import dev.parley.application.conversation.service.ConversationPolicy;
import dev.parley.application.conversation.service.LiveCalls;
import dev.parley.application.conversation.service.OpenLiveCallService;
import dev.parley.application.conversation.service.SimulatedCarrier;
import dev.parley.application.call.port.in.RecordCallStatusUseCase;
import dev.parley.application.conversation.service.OrganizationCalls;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.domain.shared.PhoneNumber;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** The conversation context: live calls bridging the carrier's media stream and the model. */
@Factory
class ConversationWiring {
    @Singleton
    @Bean(typed = {MonitorLiveCallsUseCase.class, LiveCalls.class})
    LiveCalls liveCalls(dev.parley.application.conversation.port.out.ConversationMetrics metrics) {
        return new LiveCalls(metrics);
    }

    @Singleton
    ConversationPolicy conversationPolicy(@Value("${parley.calls.transfer-phone-number:}") String transferNumber,
                                          @Value("${parley.calls.apology:`Sorry, we are having a technical problem and have to end this call. Please call again later. Goodbye.`}") String apology,
                                          @Value("${parley.calls.transfer-announcement:`Please hold while I transfer you to a colleague.`}") String announcement) {
        return new ConversationPolicy(transferNumber.isBlank() ? null : PhoneNumber.parse(transferNumber), apology, announcement);
    }

    /** The carrier's stand-in on simulated calls (SIM… SIDs); every other call goes to the real {@link CallControl}. */
    @Singleton
    @Bean(typed = SimulatedCarrier.class)
    SimulatedCarrier simulatedCarrier(CallControl control, RecordCallStatusUseCase statuses,
                                      @Named(TaskExecutors.BLOCKING) ExecutorService blocking, Clock clock) {
        return new SimulatedCarrier(control, statuses, blocking, clock);
    }

    /** Every {@link CallTool} bean (the calendar's, …) is offered on the calls whose scenario it accepts. */
    @Singleton
    CallTools callTools(ConversationPolicy policy, List<CallTool> tools) {
        return new CallTools(policy, tools);
    }

    /** Lines said are also told to the tenant's live consoles; a stream connecting is announced as in_progress. Every
     * call gets the tools {@link CallTools} picks for its scenario. */
    @Singleton
    OpenLiveCallUseCase openLiveCall(RedeemStreamTokenUseCase tokens, FindCallScenarioUseCase scenarios, ConversationModel model,
                                     CallJournal journal, SimulatedCarrier control, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                                     ConversationPolicy policy, Clock clock, LiveCalls liveCalls, CallEvents events,
                                     CallAnnouncements announcements, CallTools tools, OrganizationCalls organizations,
                                     @Value("${parley.console.transcript-language:en}") String transcriptLanguage) {
        return announcements.announcing(control.tracking(new OpenLiveCallService(tokens, scenarios, model,
                new PublishingCallJournal(journal, events, transcriptLanguage), control, blocking, policy, clock, liveCalls,
                tools, organizations)));
    }
}
