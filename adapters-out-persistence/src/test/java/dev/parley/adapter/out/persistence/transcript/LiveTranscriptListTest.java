package dev.parley.adapter.out.persistence.transcript;

import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Page;
import dev.parley.application.shared.PageRequest;
import dev.parley.application.shared.Transactions;
import dev.parley.application.tenancy.port.out.UserRepository;
import dev.parley.application.transcript.port.out.EnhancedTranscriptListing;
import dev.parley.application.transcript.port.out.EnhancedTranscripts;
import dev.parley.application.transcript.port.out.TranscriptFilter;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.tenancy.EmailAddress;
import dev.parley.domain.tenancy.PasswordHash;
import dev.parley.domain.tenancy.User;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.transcript.EnhancedTranscript;
import dev.parley.domain.transcript.SpeakerRole;
import dev.parley.domain.transcript.TranscriptSentence;
import dev.parley.domain.transcript.TranscriptSource;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls bridged live are in the enhanced-transcript list and its search, kept current as lines are
 * stored, once per call. Runs on H2 and, in the second surefire pass, on PostgreSQL (full-text search).
 */
@MicronautTest(transactional = false)
class LiveTranscriptListTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final PhoneNumber CUSTOMER = new PhoneNumber("+14155550100");
    static final PhoneNumber OURS = new PhoneNumber("+14155550199");
    @Inject
    UserRepository users;
    @Inject
    Transactions transactions;
    @Inject
    CallRepository calls;
    @Inject
    CallMessageRepository messages;
    @Inject
    EnhancedTranscripts enhanced;

    TenantId tenant() {
        User user = User.register(users.nextId(), new EmailAddress("l-" + UUID.randomUUID() + "@example.com"), new PasswordHash("$x"), NOW);
        transactions.run(() -> users.add(user));
        return new TenantId(user.id().value());
    }

    static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    Call outboundCall(TenantId tenant, String scenario, Instant at) {
        Call call = Call.placeOutbound(calls.nextId(), tenant, CUSTOMER, OURS, scenario, at);
        call.dialled(sid("CA"));
        transactions.run(() -> calls.add(call));
        return call;
    }

    Call inboundCall(TenantId tenant, String scenario, Instant at) {
        Call call = Call.startInbound(calls.nextId(), tenant, CUSTOMER, OURS, scenario, sid("CA"), at);
        transactions.run(() -> calls.add(call));
        return call;
    }

    void say(Call call, Speaker speaker, String text, long startMs) {
        transactions.run(() -> messages.addAll(List.of(new CallMessage(call.id(), call.tenant(), speaker, text, 0.9, true, startMs,
                startMs + 1500, NOW))));
    }

    static EnhancedTranscript intelligence(TenantId tenant, String sid, String callSid, Instant date, String... texts) {
        List<TranscriptSentence> sentences = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) sentences.add(new TranscriptSentence(1 + i % 2, i, texts[i], i, i + 0.5, 0.8));
        return new EnhancedTranscript(tenant, sid, callSid, date, 30, CallDirection.OUTBOUND, "sales", sentences);
    }

    Page<EnhancedTranscriptListing> list(TenantId tenant, CallDirection direction, String scenario, String q) {
        return enhanced.list(tenant, new TranscriptFilter(Optional.ofNullable(direction), scenario, q), new PageRequest(0, 50));
    }

    List<String> sids(Page<EnhancedTranscriptListing> page) {
        return page.items().stream().map(EnhancedTranscriptListing::transcriptSid).toList();
    }

    @Test
    void aBridgedCallIsListedWithTheIntelligenceTranscriptsFilteredSortedCountedAndSearched() {
        TenantId alice = tenant(), bob = tenant();
        String older = sid("GT"), newer = sid("GT");
        transactions.run(() -> {
            enhanced.add(intelligence(alice, older, sid("CA"), NOW.minusSeconds(300), "Your invoice is ready.", "Thanks."));
            enhanced.add(intelligence(alice, newer, sid("CA"), NOW.minusSeconds(100), "The delivery is late.", "Sorry."));
        });
        Call call = outboundCall(alice, "Sales", NOW.minusSeconds(200));
        say(call, Speaker.AGENT, "Hello, this is Parley about your dental appointment.", 0);
        say(call, Speaker.CUSTOMER, "Yes, I remember it well.", 2000);
        Call silent = inboundCall(alice, "support", NOW.minusSeconds(50));   // no lines: not listed

        Page<EnhancedTranscriptListing> all = list(alice, null, "", "");
        String callSid = call.carrierSid().orElseThrow();
        assertThat(sids(all)).containsExactly(newer, callSid, older);
        assertThat(all.total()).isEqualTo(3);
        EnhancedTranscriptListing live = all.items().get(1);
        assertThat(live.source()).isEqualTo(TranscriptSource.LIVE);
        assertThat(all.items().get(0).source()).isEqualTo(TranscriptSource.INTELLIGENCE);
        assertThat(live.callDate()).isEqualTo(NOW.minusSeconds(200));
        assertThat(live.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(live.scenarioName()).isEqualTo("Sales");
        assertThat(live.participantCount()).isEqualTo(2);
        assertThat(live.conversationTurns()).isEqualTo(2);
        assertThat(live.totalWords()).isEqualTo(13);
        assertThat(live.durationSeconds()).isEqualTo(4);   // no call duration yet: the end of the last line, rounded up
        assertThat(live.speakers()).containsEntry(1, SpeakerRole.AGENT).containsEntry(2, SpeakerRole.CUSTOMER);
        assertThat(silent.carrierSid()).isPresent();

        assertThat(sids(list(alice, CallDirection.OUTBOUND, "", ""))).containsExactly(newer, callSid, older);
        assertThat(sids(list(alice, CallDirection.INBOUND, "", ""))).isEmpty();
        assertThat(sids(list(alice, null, "sales", ""))).containsExactly(newer, callSid, older);
        assertThat(sids(list(alice, null, "support", ""))).isEmpty();
        assertThat(sids(list(alice, null, "", "dental"))).containsExactly(callSid);
        assertThat(sids(list(alice, null, "", "remember dental"))).containsExactly(callSid);
        assertThat(sids(list(alice, null, "", "remember invoice"))).isEmpty();
        assertThat(list(alice, null, "", "dental").total()).isEqualTo(1);
        assertThat(enhanced.list(alice, TranscriptFilter.none(), new PageRequest(1, 1)).items())
                .extracting(EnhancedTranscriptListing::transcriptSid).containsExactly(callSid);

        assertThat(list(bob, null, "", "").total()).isZero();
        assertThat(list(bob, null, "", "dental").items()).isEmpty();
        // the detail of a live transcript is built from the call's lines, not from this row
        assertThat(enhanced.find(alice, callSid)).isEmpty();
    }

    @Test
    void aLineCapturedAfterAReadIsOnTheNextReadAndTheDurationFollowsTheCall() {
        TenantId alice = tenant();
        Call call = inboundCall(alice, "support", NOW);
        say(call, Speaker.CUSTOMER, "Hello?", 0);
        assertThat(list(alice, null, "", "").items()).singleElement().satisfies(l -> {
            assertThat(l.totalWords()).isEqualTo(1);
            assertThat(l.participantCount()).isEqualTo(1);
            assertThat(l.direction()).isEqualTo(CallDirection.INBOUND);
        });
        assertThat(list(alice, null, "", "refund").items()).isEmpty();

        say(call, Speaker.AGENT, "Hi, how can I help you?", 1600);
        say(call, Speaker.CUSTOMER, "I would like a refund please.", 3500);
        assertThat(list(alice, null, "", "refund").items()).singleElement().satisfies(l -> {
            assertThat(l.totalWords()).isEqualTo(13);
            assertThat(l.conversationTurns()).isEqualTo(3);
            assertThat(l.speakers()).containsEntry(1, SpeakerRole.CUSTOMER).containsEntry(2, SpeakerRole.AGENT);
        });

        transactions.run(() -> {
            Call c = calls.findForUpdate(call.id()).orElseThrow();
            c.recordStatus(CallStatus.COMPLETED, NOW.plusSeconds(42), 42);
            calls.update(c);
        });
        assertThat(list(alice, null, "", "").items()).singleElement()
                .satisfies(l -> assertThat(l.durationSeconds()).isEqualTo(42));
    }

    @Test
    void aCallWithAnIntelligenceTranscriptIsListedOnceAsTheIntelligenceOne() {
        TenantId alice = tenant();
        Call call = outboundCall(alice, "sales", NOW);
        String callSid = call.carrierSid().orElseThrow();
        say(call, Speaker.AGENT, "Hello from the live line.", 0);
        String gt = sid("GT");
        transactions.run(() -> enhanced.add(intelligence(alice, gt, callSid, NOW, "Hello from the recording.")));

        Page<EnhancedTranscriptListing> all = list(alice, null, "", "");
        assertThat(sids(all)).containsExactly(gt);
        assertThat(all.total()).isEqualTo(1);
        assertThat(all.items().getFirst().source()).isEqualTo(TranscriptSource.INTELLIGENCE);
        assertThat(list(alice, null, "", "live").items()).isEmpty();

        say(call, Speaker.CUSTOMER, "One more live line.", 2000);   // lines after the Intelligence transcript change nothing
        assertThat(sids(list(alice, null, "", ""))).containsExactly(gt);

        enhanced.remove(alice, gt);   // without it, the live transcript is listed again, with every line
        assertThat(list(alice, null, "", "").items()).singleElement().satisfies(l -> {
            assertThat(l.transcriptSid()).isEqualTo(callSid);
            assertThat(l.source()).isEqualTo(TranscriptSource.LIVE);
            assertThat(l.totalWords()).isEqualTo(9);
        });
    }

    @Test
    void aLiveRowThatCannotBeWrittenNeverCostsTheLinesTheirStore() {
        TenantId alice = tenant(), bob = tenant();
        Call call = inboundCall(alice, "support", NOW);
        String callSid = call.carrierSid().orElseThrow();
        // another tenant's transcript already holds the id the live row would take: its insert fails
        transactions.run(() -> enhanced.add(intelligence(bob, callSid, sid("CA"), NOW, "Unrelated.")));

        say(call, Speaker.CUSTOMER, "This line is stored all the same.", 0);

        assertThat(messages.ofCall(alice, call.id())).extracting(CallMessage::text).containsExactly("This line is stored all the same.");
        assertThat(list(alice, null, "", "").items()).isEmpty();
        assertThat(sids(list(bob, null, "", ""))).containsExactly(callSid);
    }

    @Test
    void linesStoredConcurrentlyForOneCallAllReachItsRow() throws Exception {
        TenantId alice = tenant();
        Call call = inboundCall(alice, "support", NOW);
        CyclicBarrier barrier = new CyclicBarrier(4);
        List<Callable<Void>> writers = new java.util.ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(() -> {
                barrier.await();
                for (int i = 0; i < 5; i++) say(call, writer % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER, "word" + writer + "x" + i, i * 100L);
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Void> f : pool.invokeAll(writers)) f.get();
        }
        assertThat(list(alice, null, "", "").items()).singleElement().satisfies(l -> assertThat(l.totalWords()).isEqualTo(20));
    }
}
