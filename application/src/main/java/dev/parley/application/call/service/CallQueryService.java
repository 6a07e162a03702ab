package dev.parley.application.call.service;

import dev.parley.application.call.port.in.CallNotFoundException;
import dev.parley.application.call.port.in.CallSummary;
import dev.parley.application.call.port.in.CallTranscriptLine;
import dev.parley.application.call.port.in.CallView;
import dev.parley.application.call.port.in.FindCallUseCase;
import dev.parley.application.call.port.in.FollowLiveCallUseCase;
import dev.parley.application.call.port.in.ListCallsUseCase;
import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Reads calls and what was said in them, always within one tenant (except the carrier's SID lookup, for signed webhooks). */
public final class CallQueryService implements FindCallUseCase, ListCallsUseCase, FollowLiveCallUseCase {
    private final CallRepository calls;
    private final CallMessageRepository messages;

    public CallQueryService(CallRepository calls, CallMessageRepository messages) {
        this.calls = calls;
        this.messages = messages;
    }

    @Override
    public Optional<CallSummary> byCarrierSid(String carrierCallSid) {
        if (carrierCallSid == null || carrierCallSid.isBlank()) return Optional.empty();
        return calls.findByCarrierSid(carrierCallSid).map(CallQueryService::summary);
    }

    @Override
    public Optional<CallSummary> byCarrierSid(TenantId tenant, String carrierCallSid) {
        return byCarrierSid(carrierCallSid).filter(s -> s.tenant().equals(tenant));
    }

    @Override
    public List<CallTranscriptLine> transcript(TenantId tenant, String carrierCallSid) {
        if (carrierCallSid == null || carrierCallSid.isBlank()) return List.of();
        return calls.findByCarrierSid(carrierCallSid).filter(c -> c.tenant().equals(tenant))
                .map(c -> messages.ofCall(tenant, c.id()).stream()
                        .map(m -> new CallTranscriptLine(m.speaker().wire(), m.text(), m.startMs() / 1000.0, m.endMs() / 1000.0,
                                m.confidence()))
                        .toList())
                .orElse(List.of());
    }

    @Override
    public Page<CallView> list(TenantId tenant, PageRequest page) {
        return calls.list(tenant, page).map(CallView::of);
    }

    @Override
    public Page<CallView> list(TenantId tenant, String scenarioRef, PageRequest page) {
        return calls.list(tenant, scenarioRef, page).map(CallView::of);
    }

    @Override
    public CallDetails get(TenantId tenant, CallId id) {
        Call call = calls.find(tenant, id).orElseThrow(CallNotFoundException::new);
        List<MessageView> lines = messages.ofCall(tenant, id).stream()
                .map(m -> new MessageView(m.speaker().wire(), m.text(), m.confidence(), m.isFinal(), m.startMs(), m.endMs(), m.createdAt()))
                .toList();
        return new CallDetails(CallView.of(call), lines);
    }

    @Override
    public Optional<LiveCallState> find(TenantId tenant, CallId call) {
        return calls.find(tenant, call).map(CallQueryService::state);
    }

    @Override
    public Optional<LiveCallState> findByCarrierSid(String carrierSid) {
        if (carrierSid == null || carrierSid.isBlank()) return Optional.empty();
        return calls.findByCarrierSid(carrierSid).map(CallQueryService::state);
    }

    @Override
    public void addLine(CallMessage line) {
        messages.addAll(List.of(line));
    }

    private static LiveCallState state(Call c) {
        return new LiveCallState(c.id(), c.tenant(), c.status(), c.carrierSid().orElse(null), c.answeredAt().orElse(null),
                c.customerNumber(), c.organizationNumber());
    }

    private static CallSummary summary(Call c) {
        return new CallSummary(c.tenant(), c.id().value(), c.carrierSid().orElse(""), c.direction().wire(), c.scenarioRef(),
                c.status().wire(), c.createdAt(), c.durationSeconds());
    }
}
