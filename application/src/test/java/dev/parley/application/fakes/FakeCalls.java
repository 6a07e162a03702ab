package dev.parley.application.fakes;

import dev.parley.application.call.port.in.CallSummary;
import dev.parley.application.call.port.in.CallTranscriptLine;
import dev.parley.application.call.port.in.FindCallUseCase;
import dev.parley.domain.shared.TenantId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Calls a test declares, with their live-captured lines. */
public final class FakeCalls implements FindCallUseCase {
    private final Map<String, CallSummary> calls = new ConcurrentHashMap<>();
    private final Map<String, List<CallTranscriptLine>> lines = new ConcurrentHashMap<>();

    public void add(CallSummary call, List<CallTranscriptLine> transcript) {
        calls.put(call.carrierCallSid(), call);
        lines.put(call.carrierCallSid(), List.copyOf(transcript));
    }

    @Override
    public Optional<CallSummary> byCarrierSid(String carrierCallSid) {
        return Optional.ofNullable(calls.get(carrierCallSid));
    }

    @Override
    public Optional<CallSummary> byCarrierSid(TenantId tenant, String carrierCallSid) {
        return byCarrierSid(carrierCallSid).filter(c -> c.tenant().equals(tenant));
    }

    @Override
    public List<CallTranscriptLine> transcript(TenantId tenant, String carrierCallSid) {
        return byCarrierSid(tenant, carrierCallSid).map(c -> lines.getOrDefault(carrierCallSid, List.of())).orElse(List.of());
    }
}
