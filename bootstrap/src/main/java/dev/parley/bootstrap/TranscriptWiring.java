package dev.parley.bootstrap;

import dev.parley.application.call.port.in.CallSummary;
import dev.parley.application.call.port.in.CallTranscriptLine;
import dev.parley.application.call.port.in.FindCallUseCase;
import dev.parley.application.shared.Transactions;
import dev.parley.application.transcript.port.in.ManageTranscriptRequestsUseCase;
import dev.parley.application.transcript.port.in.ReadEnhancedTranscriptsUseCase;
import dev.parley.application.transcript.port.in.ReadStoredTranscriptsUseCase;
import dev.parley.application.transcript.port.in.RequestMediaTranscriptUseCase;
import dev.parley.application.transcript.port.in.StartCarrierTranscriptUseCase;
import dev.parley.application.transcript.port.in.StoreCarrierTranscriptUseCase;
import dev.parley.application.transcript.port.in.TranscribeAudioUseCase;
import dev.parley.application.transcript.port.in.VoiceIntelligencePolicy;
import dev.parley.application.transcript.port.out.CarrierTranscripts;
import dev.parley.application.transcript.port.out.EnhancedTranscripts;
import dev.parley.application.transcript.port.out.SpeechToText;
import dev.parley.application.transcript.port.out.StoredTranscripts;
import dev.parley.application.transcript.port.out.TranscriptRequests;
import dev.parley.application.transcript.service.CarrierTranscriptService;
import dev.parley.application.transcript.service.TranscribeAudioService;
import dev.parley.application.transcript.service.TranscriptQueryService;
import dev.parley.domain.shared.TenantId;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

@Factory
class TranscriptWiring {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptWiring.class);

    @Singleton
    VoiceIntelligencePolicy voiceIntelligencePolicy(@Value("${parley.voice-intelligence.enabled:false}") boolean enabled,
                                                    @Value("${parley.voice-intelligence.service-sid:}") String serviceSid) {
        VoiceIntelligencePolicy policy = new VoiceIntelligencePolicy(enabled, serviceSid);
        if (enabled && !policy.hasService())
            LOG.warn("USE_TWILIO_VOICE_INTELLIGENCE=true but TWILIO_VOICE_INTELLIGENCE_SID is empty: recordings will not be transcribed");
        return policy;
    }

    @Singleton
    @Bean(typed = {StartCarrierTranscriptUseCase.class, StoreCarrierTranscriptUseCase.class, RequestMediaTranscriptUseCase.class,
            ManageTranscriptRequestsUseCase.class})
    CarrierTranscriptService carrierTranscripts(VoiceIntelligencePolicy policy, CarrierTranscripts carrier, TranscriptRequests requests,
                                                StoredTranscripts stored, EnhancedTranscripts enhanced,
                                                BeanProvider<FindCallUseCase> calls, Transactions transactions, Clock clock) {
        return new CarrierTranscriptService(policy, carrier, requests, stored, enhanced, calls(calls), transactions, clock);
    }

    @Singleton
    @Bean(typed = {ReadEnhancedTranscriptsUseCase.class, ReadStoredTranscriptsUseCase.class})
    TranscriptQueryService transcriptQueries(EnhancedTranscripts enhanced, StoredTranscripts stored, BeanProvider<FindCallUseCase> calls) {
        return new TranscriptQueryService(enhanced, stored, calls(calls));
    }

    @Singleton
    TranscribeAudioUseCase transcribeAudio(SpeechToText speechToText) {
        return new TranscribeAudioService(speechToText);
    }

    /**
     * The call context's lookup, resolved when first used. A build without the call context (this
     * context can ship before it) knows no calls: transcripts are then linked through their
     * requests only, and calls have no live-captured view.
     */
    private static FindCallUseCase calls(BeanProvider<FindCallUseCase> provider) {
        return new FindCallUseCase() {
            private Optional<FindCallUseCase> delegate() {
                if (provider.isPresent()) return Optional.of(provider.get());
                LOG.debug("No call records in this build");
                return Optional.empty();
            }

            @Override
            public Optional<CallSummary> byCarrierSid(String carrierCallSid) {
                return delegate().flatMap(d -> d.byCarrierSid(carrierCallSid));
            }

            @Override
            public Optional<CallSummary> byCarrierSid(TenantId tenant, String carrierCallSid) {
                return delegate().flatMap(d -> d.byCarrierSid(tenant, carrierCallSid));
            }

            @Override
            public List<CallTranscriptLine> transcript(TenantId tenant, String carrierCallSid) {
                return delegate().map(d -> d.transcript(tenant, carrierCallSid)).orElse(List.of());
            }
        };
    }
}
