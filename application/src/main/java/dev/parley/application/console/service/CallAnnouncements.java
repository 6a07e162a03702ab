package dev.parley.application.console.service;

import dev.parley.application.call.port.in.AcceptInboundCallUseCase;
import dev.parley.application.call.port.in.EndBrowserCallUseCase;
import dev.parley.application.conversation.port.in.OpenBrowserCallUseCase;
import dev.parley.application.call.port.in.RecordCallStatusUseCase;
import dev.parley.application.call.port.in.FollowLiveCallUseCase;
import dev.parley.application.call.port.in.FollowLiveCallUseCase.LiveCallState;
import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
import dev.parley.application.console.port.in.ConsoleStatus;
import dev.parley.application.conversation.port.in.MediaStreamHandler;
import dev.parley.application.conversation.port.in.OpenLiveCallUseCase;

import dev.parley.domain.shared.TenantId;
import dev.parley.domain.call.CallId;
import java.time.Clock;
import java.util.Optional;

/**
 * Announces a call's lifecycle to the consoles by wrapping the use cases that move it: a call
 * arriving is {@code incoming} (with both numbers), the carrier's in-progress is {@code answered},
 * the media stream connecting to the assistant is {@code in_progress}, any final status is
 * {@code ended}; a browser call is {@code in_progress} when the server takes its side and {@code ended} when its record completes. Announcing happens after the use case succeeded and never changes its outcome.
 */
public final class CallAnnouncements {
    private final FollowLiveCallUseCase calls;
    private final CallEvents events;
    private final Clock clock;

    public CallAnnouncements(FollowLiveCallUseCase calls, CallEvents events, Clock clock) {
        this.calls = calls;
        this.events = events;
        this.clock = clock;
    }

    public AcceptInboundCallUseCase announcing(AcceptInboundCallUseCase inbound) {
        return command -> {
            AcceptInboundCallUseCase.InboundCallDecision decision = inbound.accept(command);
            if (decision instanceof AcceptInboundCallUseCase.InboundCallDecision.Accepted accepted)
                calls.findByCarrierSid(command.carrierSid()).ifPresent(call ->
                        announce(call, ConsoleStatus.INCOMING.wire(), true));
            return decision;
        };
    }

    public RecordCallStatusUseCase announcing(RecordCallStatusUseCase statuses) {
        return report -> {
            boolean moved = statuses.record(report);
            if (moved && report.carrierSid() != null && !report.carrierSid().isBlank())
                calls.findByCarrierSid(report.carrierSid()).ifPresent(call ->
                        announce(call, ConsoleStatus.of(call.status()).wire(), false));
            return moved;
        };
    }

    public OpenLiveCallUseCase announcing(OpenLiveCallUseCase live) {
        return (command, carrier) -> {
            Optional<MediaStreamHandler> handler = live.open(command, carrier);
            if (handler.isPresent() && command.carrierSid() != null)
                calls.findByCarrierSid(command.carrierSid()).ifPresent(call ->
                        announce(call, ConsoleStatus.IN_PROGRESS.wire(), false));
            return handler;
        };
    }

    public OpenBrowserCallUseCase announcing(OpenBrowserCallUseCase browser) {
        return command -> {
            browser.open(command);
            try {
                calls.find(command.tenant(), command.call()).filter(call -> !call.status().isFinal())
                        .ifPresent(call -> announce(call, ConsoleStatus.IN_PROGRESS.wire(), false));
            } catch (RuntimeException e) {
                // the consoles miss this update; the browser's signal answer and its call go on
            }
        };
    }

    public EndBrowserCallUseCase announcing(EndBrowserCallUseCase ends) {
        return (tenant, call, reason) -> {
            boolean moved = ends.end(tenant, call, reason);
            if (moved) calls.find(tenant, call).ifPresent(state -> announce(state, ConsoleStatus.ENDED.wire(), false));
            return moved;
        };
    }

    /** A call that ended outside the carrier's reports (a client reported it, seed 003): the consoles see it end. */
    public void ended(TenantId tenant, CallId call) {
        try {
            calls.find(tenant, call).ifPresent(state -> announce(state, ConsoleStatus.ENDED.wire(), false));
        } catch (RuntimeException e) {
            // the consoles miss this update; the call is stored as ended all the same
        }
    }

    private void announce(LiveCallState call, String status, boolean withNumbers) {
        events.publish(new CallEvent.StatusChanged(call.tenant(), ConsoleService.key(call.id()), status,
                withNumbers && call.customerNumber() != null ? call.customerNumber().e164() : "",
                withNumbers && call.organizationNumber() != null ? call.organizationNumber().e164() : "",
                clock.instant()));
    }
}
