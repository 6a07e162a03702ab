package dev.parley.bootstrap;

import dev.parley.application.call.port.in.CallSummary;
import dev.parley.application.call.port.in.CallTranscriptLine;
import dev.parley.application.call.port.in.FindCallUseCase;
import dev.parley.domain.shared.TenantId;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Call records for the transcript tests, while the call context lives on another branch:
 * {@link Secondary}, so the real {@link FindCallUseCase} wins once it is on the classpath.
 */
@Factory
class TestCalls {
    /** Calls the tests declare, with the lines captured live. */
    static final class Registry implements FindCallUseCase {
        private final Map<String, CallSummary> calls = new ConcurrentHashMap<>();
        private final Map<String, List<CallTranscriptLine>> lines = new ConcurrentHashMap<>();

        void add(CallSummary call, List<CallTranscriptLine> transcript) {
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

    @Singleton
    @Secondary
    Registry testCalls() {
        return new Registry();
    }
}
