package dev.parley.adapter.out.persistence.transcript;

import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.application.transcript.port.out.CarrierSentence;
import dev.parley.application.transcript.port.out.CarrierTranscript;
import dev.parley.application.transcript.port.out.CarrierWord;
import dev.parley.application.transcript.port.out.EnhancedTranscriptListing;
import dev.parley.application.transcript.port.out.EnhancedTranscripts;
import dev.parley.application.transcript.port.out.StoredTranscripts;
import dev.parley.application.transcript.port.out.TranscriptAlreadyStoredException;
import dev.parley.application.transcript.port.out.TranscriptFilter;
import dev.parley.application.transcript.port.out.TranscriptRequests;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.PasswordHash;
import dev.parley.domain.tenancy.User;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.transcript.EnhancedTranscript;
import dev.parley.domain.transcript.SpeakerRole;
import dev.parley.domain.transcript.TranscriptRequest;
import dev.parley.domain.transcript.TranscriptSentence;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs on H2 and, in the second surefire pass, on PostgreSQL (full-text search there). */
@MicronautTest(transactional = false)
class TranscriptRepositoriesTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    @Inject
    UserRepository users;
    @Inject
    Transactions transactions;
    @Inject
    TranscriptRequests requests;
    @Inject
    StoredTranscripts stored;
    @Inject
    EnhancedTranscripts enhanced;

    TenantId tenant() {
        User user = User.register(users.nextId(), new EmailAddress("t-" + UUID.randomUUID() + "@example.com"), new PasswordHash("$x"), NOW);
        transactions.run(() -> users.add(user));
        return new TenantId(user.id().value());
    }

    static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    static CarrierTranscript carrier(String sid, String... texts) {
        List<CarrierSentence> sentences = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++)
            sentences.add(new CarrierSentence(1 + i % 2, i, i + ".5", (i + 1) + ".25", texts[i], "GX" + i, "0.9" + i,
                    List.of(new CarrierWord("w", "0.1", "0.2"))));
        return new CarrierTranscript(sid, "ACx", "GAx", "completed", "2026-03-01T11:00:00Z", "2026-03-01T11:01:00Z", 30, "en-US",
                "CAkey", "CAcall", sentences);
    }

    static EnhancedTranscript view(TenantId tenant, String sid, CallDirection direction, String scenario, Instant date, String... texts) {
        List<TranscriptSentence> sentences = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) sentences.add(new TranscriptSentence(1 + i % 2, i, texts[i], i, i + 0.5, i == 0 ? Double.NaN : 0.8));
        return new EnhancedTranscript(tenant, sid, "CA1", date, 30, direction, scenario, sentences);
    }

    @Test
    void aStoredTwilioTranscriptRoundTripsExactlyAndOnlyForItsTenant() {
        TenantId alice = tenant(), bob = tenant();
        String sid = sid("GT");
        CarrierTranscript original = carrier(sid, "Hello there.", "Good morning.");
        transactions.run(() -> stored.add(alice, original, "sales", NOW));

        assertThat(stored.find(alice, sid)).contains(original);
        assertThat(stored.find(bob, sid)).isEmpty();
        assertThat(stored.exists(sid)).isTrue();
        assertThat(stored.list(bob, "", new PageRequest(0, 10)).total()).isZero();
        assertThatThrownBy(() -> transactions.run(() -> stored.add(bob, original, "", NOW)))
                .isInstanceOf(TranscriptAlreadyStoredException.class);
        stored.remove(bob, sid);
        assertThat(stored.exists(sid)).isTrue();
        stored.remove(alice, sid);
        assertThat(stored.exists(sid)).isFalse();
    }

    @Test
    void concurrentStoresOfOneTranscriptKeepOne() throws Exception {
        TenantId alice = tenant();
        String sid = sid("GT");
        CyclicBarrier barrier = new CyclicBarrier(4);
        Callable<Boolean> store = () -> {
            barrier.await();
            try {
                transactions.run(() -> stored.add(alice, carrier(sid, "Hi."), "", NOW));
                return true;
            } catch (TranscriptAlreadyStoredException e) {
                return false;
            }
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> results = pool.invokeAll(List.of(store, store, store, store));
            long stores = 0;
            for (Future<Boolean> r : results) if (r.get()) stores++;
            assertThat(stores).isEqualTo(1);
        }
        assertThat(stored.list(alice, "", new PageRequest(0, 10)).total()).isEqualTo(1);
    }

    @Test
    void enhancedTranscriptsAreListedNewestFirstWithFiltersAndSearch() {
        TenantId alice = tenant(), bob = tenant();
        String a = sid("GT"), b = sid("GT"), c = sid("GT");
        transactions.run(() -> {
            enhanced.add(view(alice, a, CallDirection.OUTBOUND, "sales", NOW.minusSeconds(300), "We booked your dental appointment.", "Thanks."));
            enhanced.add(view(alice, b, CallDirection.INBOUND, "support", NOW.minusSeconds(200), "My invoice is wrong.", "Let me check."));
            enhanced.add(view(bob, c, CallDirection.OUTBOUND, "sales", NOW.minusSeconds(100), "Your dental appointment is booked."));
        });

        Page<EnhancedTranscriptListing> all = enhanced.list(alice, TranscriptFilter.none(), new PageRequest(0, 10));
        assertThat(all.items()).extracting(EnhancedTranscriptListing::transcriptSid).containsExactly(b, a);
        assertThat(all.total()).isEqualTo(2);
        EnhancedTranscriptListing first = all.items().getLast();
        assertThat(first.participantCount()).isEqualTo(2);
        assertThat(first.totalWords()).isEqualTo(6);
        assertThat(first.conversationTurns()).isEqualTo(2);
        assertThat(first.speakers()).containsEntry(1, SpeakerRole.AGENT).containsEntry(2, SpeakerRole.CUSTOMER);
        assertThat(first.callDate()).isEqualTo(NOW.minusSeconds(300));

        assertThat(enhanced.list(alice, new TranscriptFilter(Optional.of(CallDirection.INBOUND), "", ""), new PageRequest(0, 10)).items())
                .extracting(EnhancedTranscriptListing::transcriptSid).containsExactly(b);
        assertThat(enhanced.list(alice, new TranscriptFilter(Optional.empty(), "SALES", ""), new PageRequest(0, 10)).items())
                .extracting(EnhancedTranscriptListing::transcriptSid).containsExactly(a);
        assertThat(enhanced.list(alice, new TranscriptFilter(Optional.empty(), "", "dental appointment"), new PageRequest(0, 10)).items())
                .extracting(EnhancedTranscriptListing::transcriptSid).containsExactly(a);   // bob's dental call stays his
        assertThat(enhanced.list(alice, new TranscriptFilter(Optional.empty(), "", "invoice dental"), new PageRequest(0, 10)).items())
                .isEmpty();
        assertThat(enhanced.list(alice, new TranscriptFilter(Optional.empty(), "", "100%_!'\""), new PageRequest(0, 10)).items())
                .isEmpty();
        assertThat(enhanced.list(alice, TranscriptFilter.none(), new PageRequest(1, 1)).items())
                .extracting(EnhancedTranscriptListing::transcriptSid).containsExactly(a);

        EnhancedTranscript found = enhanced.find(alice, a).orElseThrow();
        assertThat(found.sentences()).hasSize(2);
        assertThat(found.sentences().getFirst().hasConfidence()).isFalse();
        assertThat(found.analysis().fullText()).isEqualTo("We booked your dental appointment. Thanks.");
        assertThat(enhanced.find(bob, a)).isEmpty();
        assertThatThrownBy(() -> transactions.run(() -> enhanced.add(view(bob, a, CallDirection.INBOUND, "", NOW))))
                .isInstanceOf(TranscriptAlreadyStoredException.class);
    }

    @Test
    void transcriptRequestsAreUniqueByTranscriptAndRecording() {
        TenantId alice = tenant(), bob = tenant();
        String recording = sid("RE");
        TranscriptRequest first = new TranscriptRequest(alice, sid("GT"), "CA1", recording, "", CallDirection.INBOUND, "sales", NOW);
        transactions.run(() -> requests.add(first));
        transactions.run(() -> requests.add(new TranscriptRequest(alice, sid("GT"), "", "", "https://x.example/a.wav",
                CallDirection.OUTBOUND, "", NOW.plusSeconds(ThreadLocalRandom.current().nextInt(1, 9)))));
        transactions.run(() -> requests.add(new TranscriptRequest(alice, sid("GT"), "", "", "https://x.example/b.wav",
                CallDirection.OUTBOUND, "", NOW.plusSeconds(10))));

        assertThatThrownBy(() -> transactions.run(() -> requests.add(
                new TranscriptRequest(alice, sid("GT"), "CA1", recording, "", CallDirection.INBOUND, "", NOW))))
                .isInstanceOf(TranscriptAlreadyStoredException.class);
        assertThat(requests.bySid(first.transcriptSid())).contains(first);
        assertThat(requests.byRecordingSid(recording)).contains(first);
        assertThat(requests.find(bob, first.transcriptSid())).isEmpty();
        assertThat(requests.list(alice, new PageRequest(0, 10)).total()).isEqualTo(3);
        assertThat(requests.list(alice, new PageRequest(0, 10)).items().getLast()).isEqualTo(first);
        requests.remove(alice, first.transcriptSid());
        assertThat(requests.bySid(first.transcriptSid())).isEmpty();
    }
}
