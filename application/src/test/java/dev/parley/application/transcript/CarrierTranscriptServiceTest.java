package dev.parley.application.transcript;

import dev.parley.application.call.port.in.CallSummary;
import dev.parley.application.call.port.in.CallTranscriptLine;
import dev.parley.application.fakes.FakeCalls;
import dev.parley.application.fakes.FakeCarrierTranscripts;
import dev.parley.application.fakes.InMemoryTranscriptStores;
import dev.parley.application.fakes.InlineTransactions;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.transcript.port.in.StartCarrierTranscriptUseCase.RecordingCompleted;
import dev.parley.application.transcript.port.in.StartCarrierTranscriptUseCase.RecordingOutcome;
import dev.parley.application.transcript.port.in.StoreCarrierTranscriptUseCase.StoreTranscriptCommand;
import dev.parley.application.transcript.port.in.StoreOutcome;
import dev.parley.application.transcript.port.in.VoiceIntelligencePolicy;
import dev.parley.application.transcript.port.out.CarrierSentence;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.application.transcript.port.out.TranscriptFilter;
import dev.parley.application.transcript.service.CarrierTranscriptService;
import dev.parley.application.transcript.service.TranscriptQueryService;
import dev.parley.domain.shared.NotFoundException;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.transcript.ChannelRoles;
import dev.parley.domain.transcript.EnhancedTranscript;
import dev.parley.domain.transcript.SpeakerRole;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CarrierTranscriptServiceTest {
    static final TenantId ALICE = new TenantId(1), BOB = new TenantId(2);
    static final String CALL = "CA" + "a".repeat(32), RECORDING = "RE" + "b".repeat(32);
    final FakeCarrierTranscripts carrier = new FakeCarrierTranscripts();
    final InMemoryTranscriptStores stores = new InMemoryTranscriptStores();
    final FakeCalls calls = new FakeCalls();
    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    CarrierTranscriptService service(boolean enabled) {
        return new CarrierTranscriptService(new VoiceIntelligencePolicy(enabled, "GA" + "c".repeat(32)), carrier, stores.requests,
                stores.stored, stores.enhanced, calls, new InlineTransactions(), clock);
    }

    TranscriptQueryService queries() {
        return new TranscriptQueryService(stores.enhanced, stores.stored, calls);
    }

    void outboundCallOfAlice() {
        calls.add(new CallSummary(ALICE, 7, CALL, "outbound", "sales", "completed", Instant.parse("2026-03-01T11:00:00Z"), 42),
                List.of(new CallTranscriptLine("agent", "Hello there, this is Parley.", 0.2, 2.0, 1.0),
                        new CallTranscriptLine("customer", "Hi.", 2.5, 3.0, 0.9)));
    }

    CarrierTranscript completed(String sid) {
        return new CarrierTranscript(sid, "AC1", "GA1", "completed", "2026-03-01T11:05:00Z", "2026-03-01T11:06:00Z", 42, "en-US",
                CALL, CALL, List.of(new CarrierSentence(1, 0, "0.5", "2.5", "Hello there.", "GX1", "0.9", List.of()),
                new CarrierSentence(2, 1, "3.0", "4.0", "Who is this?", "GX2", "0.8", List.of())));
    }

    @Test
    void aCompletedRecordingOfAnOutboundCallAsksForATranscriptWithTheAgentOnChannelOne() {
        outboundCallOfAlice();

        RecordingOutcome outcome = service(true).recordingCompleted(new RecordingCompleted(CALL, RECORDING, "completed"));

        assertThat(outcome).isInstanceOf(RecordingOutcome.Started.class);
        assertThat(carrier.created).singleElement().satisfies(c -> {
            assertThat(c.serviceSid()).isEqualTo("GA" + "c".repeat(32));
            assertThat(c.source()).isEqualTo(RECORDING);
            assertThat(c.roles()).isEqualTo(new ChannelRoles(1, 2));
            assertThat(c.customerKey()).isEqualTo(CALL);
        });
        assertThat(stores.requests.find(ALICE, carrier.created.getFirst().sid())).isPresent();
        assertThat(service(true).recordingCompleted(new RecordingCompleted(CALL, RECORDING, "completed")))
                .isInstanceOf(RecordingOutcome.AlreadyStarted.class);
        assertThat(carrier.created).hasSize(1);
    }

    @Test
    void nothingIsAskedWhenVoiceIntelligenceIsOffOrTheCallIsUnknown() {
        outboundCallOfAlice();
        assertThat(service(false).recordingCompleted(new RecordingCompleted(CALL, RECORDING, "completed")))
                .isInstanceOf(RecordingOutcome.Skipped.class);
        assertThat(service(true).recordingCompleted(new RecordingCompleted("CA" + "f".repeat(32), RECORDING, "completed")))
                .isInstanceOf(RecordingOutcome.Skipped.class);
        assertThat(service(true).recordingCompleted(new RecordingCompleted(CALL, RECORDING, "absent")))
                .isInstanceOf(RecordingOutcome.Skipped.class);
        assertThat(carrier.created).isEmpty();
    }

    @Test
    void theCompletionIsStoredOnceRawAndEnhancedForTheCallsTenant() {
        outboundCallOfAlice();
        service(true).recordingCompleted(new RecordingCompleted(CALL, RECORDING, "completed"));
        String sid = carrier.created.getFirst().sid();
        carrier.transcripts.put(sid, completed(sid));

        assertThat(service(true).transcriptAvailable(sid)).isEqualTo(new StoreOutcome.Stored(sid));
        assertThat(service(true).transcriptAvailable(sid)).isEqualTo(new StoreOutcome.AlreadyStored(sid));

        assertThat(stores.stored.size()).isEqualTo(1);
        assertThat(stores.enhanced.size()).isEqualTo(1);
        EnhancedTranscript enhanced = queries().get(ALICE, sid);
        assertThat(enhanced.scenarioName()).isEqualTo("sales");
        assertThat(enhanced.analysis().participants()).extracting(p -> p.role()).containsExactly(SpeakerRole.AGENT, SpeakerRole.CUSTOMER);
        assertThatThrownBy(() -> queries().get(BOB, sid)).isInstanceOf(NotFoundException.class);
        assertThat(queries().list(BOB, TranscriptFilter.none(), new PageRequest(0, 10)).items()).isEmpty();
    }

    @Test
    void anotherTenantCannotImportOrReadOrDelete() {
        outboundCallOfAlice();
        String sid = "GT" + "d".repeat(32);
        carrier.transcripts.put(sid, completed(sid));

        assertThatThrownBy(() -> service(true).store(new StoreTranscriptCommand(BOB, sid, "", Optional.empty())))
                .isInstanceOf(NotFoundException.class);
        assertThat(service(true).store(new StoreTranscriptCommand(ALICE, sid, "Sales Call", Optional.empty())))
                .isEqualTo(new StoreOutcome.Stored(sid));
        assertThat(service(true).store(new StoreTranscriptCommand(ALICE, sid, "", Optional.empty())))
                .isEqualTo(new StoreOutcome.AlreadyStored(sid));
        assertThatThrownBy(() -> service(true).store(new StoreTranscriptCommand(BOB, sid, "", Optional.empty())))
                .isInstanceOf(NotFoundException.class);
        assertThat(queries().get(ALICE, sid).scenarioName()).isEqualTo("Sales Call");
        assertThatThrownBy(() -> service(true).delete(BOB, sid)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCallBridgedLiveHasTheEnhancedViewFromItsCapturedLines() {
        outboundCallOfAlice();

        EnhancedTranscript live = queries().get(ALICE, CALL);

        assertThat(live.analysis().conversationFlow()).extracting(f -> f.role()).containsExactly(SpeakerRole.AGENT, SpeakerRole.CUSTOMER);
        assertThat(live.analysis().participants().getFirst().channel()).isEqualTo(1);
        assertThat(live.analysis().summary().totalWords()).isEqualTo(6);
        assertThatThrownBy(() -> queries().get(BOB, CALL)).isInstanceOf(NotFoundException.class);
    }
}
