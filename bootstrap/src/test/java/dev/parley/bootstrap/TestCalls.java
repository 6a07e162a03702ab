package dev.parley.bootstrap;

import dev.parley.application.call.port.in.CallSummary;
import dev.parley.application.call.port.in.CallTranscriptLine;
import dev.parley.application.call.port.in.FindCallUseCase;
import dev.parley.domain.shared.TenantId;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Call records the transcript tests script directly (tenant, direction, captured lines), in place
 * of the call context's real {@link FindCallUseCase}: only where a test sets
 * {@code parley.test.call-stand-ins=true}, and there {@code @Primary}.
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
    @Primary
    @Requires(property = "parley.test.call-stand-ins", value = "true")
    Registry testCalls() {
        return new Registry();
    }
}
