package dev.parley.bootstrap;

import dev.parley.application.call.port.in.AcceptInboundCallUseCase;
import dev.parley.application.call.port.in.CallJournal;
import dev.parley.application.call.port.in.ConnectOutboundCallUseCase;
import dev.parley.application.call.port.in.FindCallUseCase;
import dev.parley.application.call.port.in.FollowLiveCallUseCase;
import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.call.port.in.PlaceOutboundCallUseCase;
import dev.parley.application.call.port.in.RecordCallStatusUseCase;
import dev.parley.application.call.port.in.RedeemStreamTokenUseCase;
import dev.parley.application.call.port.out.CallControl;
import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.call.service.BatchingCallJournal;
import dev.parley.application.call.port.in.StartSimulatedCallUseCase;
import dev.parley.application.call.service.CallPolicy;
import dev.parley.application.call.service.SimulatedCallService;
import dev.parley.application.call.service.CallQueryService;
import dev.parley.application.call.service.CallStatusService;
import dev.parley.application.console.service.CallAnnouncements;
import dev.parley.application.call.service.InboundCallService;
import dev.parley.application.call.service.PlaceOutboundCallService;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.shared.PublicUrl;
import dev.parley.application.shared.Transactions;
import dev.parley.application.call.port.in.EndReportedCallUseCase;
import dev.parley.application.call.port.in.StartBrowserCallUseCase;
import dev.parley.application.call.port.in.StartReportedCallUseCase;
import dev.parley.application.call.service.ReportedCallService;
import dev.parley.application.telephony.port.in.ChooseCallerIdUseCase;
import dev.parley.application.telephony.port.out.NumberDirectory;
import dev.parley.application.call.service.BudgetGuardedCalls;
import dev.parley.application.usage.port.in.CheckBudgetUseCase;
import dev.parley.application.usage.port.in.RecordCallUsageUseCase;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The call context: placing and accepting calls, their lifecycle, their stored lines. */
@Factory
class CallWiring {
    @Singleton
    CallPolicy callPolicy(@Value("${parley.calls.stream-token-lifetime:10m}") Duration streamTokenLifetime) {
        return new CallPolicy(streamTokenLifetime);
    }

    /** Calls with no carrier, for the softphone and the command-line caller. */
    @Singleton
    StartSimulatedCallUseCase startSimulatedCall(FindCallScenarioUseCase scenarios, CallRepository calls, Transactions transactions,
                                                 Clock clock, CallPolicy policy) {
        return new SimulatedCallService(scenarios, calls, transactions, clock, policy);
    }

    @Singleton
    PlaceOutboundCallUseCase placeOutboundCall(FindCallScenarioUseCase scenarios, ChooseCallerIdUseCase callerIds, CallRepository calls,
                                               CallControl control, Transactions transactions, PublicUrl publicUrl, Clock clock,
                                               CheckBudgetUseCase budget) {
        return new BudgetGuardedCalls(budget).guarding(new PlaceOutboundCallService(scenarios, callerIds, calls, control, transactions, publicUrl, clock));
    }

    @Singleton
    @Bean(typed = {InboundCallService.class, ConnectOutboundCallUseCase.class, RedeemStreamTokenUseCase.class})
    InboundCallService inboundCalls(NumberDirectory numbers, CallRepository calls, Transactions transactions, Clock clock, CallPolicy policy) {
        return new InboundCallService(numbers, calls, transactions, clock, policy);
    }

    /** Arrivals are announced to the tenant's live consoles; a tenant over its monthly budget takes none. */
    @Singleton
    AcceptInboundCallUseCase acceptInboundCall(InboundCallService inbound, CallAnnouncements announcements,
                                               CheckBudgetUseCase budget, NumberDirectory numbers) {
        return new BudgetGuardedCalls(budget).guarding(announcements.announcing(inbound), numbers);
    }

    /** Lifecycle moves are announced to the tenant's live consoles. */
    @Singleton
    RecordCallStatusUseCase recordCallStatus(CallRepository calls, Transactions transactions, CallAnnouncements announcements) {
        return announcements.announcing(new CallStatusService(calls, transactions));
    }

    @Singleton
    @Bean(typed = {FindCallUseCase.class, ListCallsUseCase.class, FollowLiveCallUseCase.class})
    CallQueryService callQueries(CallRepository calls, CallMessageRepository messages) {
        return new CallQueryService(calls, messages);
    }

    @Singleton
    @Bean(typed = {CallJournal.class, BatchingCallJournal.class}, preDestroy = "close")
    BatchingCallJournal callJournal(CallMessageRepository messages, CallRepository calls, RecordCallUsageUseCase usage,
                                    Transactions transactions, @Value("${parley.calls.journal-capacity:10000}") int capacity) {
        return new BatchingCallJournal(messages, calls, usage, transactions, capacity, 200);
    }

    /**
     * Calls this server does not carry: browser sessions' (ended by their sideband, see SessionWiring) and those a client
     * runs itself and reports (seed 003).
     */
    @Singleton
    @Bean(typed = {ReportedCallService.class, StartBrowserCallUseCase.class, StartReportedCallUseCase.class, EndReportedCallUseCase.class})
    ReportedCallService reportedCalls(CallRepository calls, CallMessageRepository messages, Transactions transactions, Clock clock) {
        return new ReportedCallService(calls, messages, transactions, clock);
    }
}
