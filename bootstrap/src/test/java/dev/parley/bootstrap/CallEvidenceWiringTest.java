package dev.parley.bootstrap;

import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.application.call.port.out.CallRepository;
import dev.parley.application.shared.Transactions;
import dev.parley.domain.call.Call;
import dev.parley.domain.call.CallMessage;
import dev.parley.domain.call.CallStatus;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Other contexts read the call context's real records: onboarding's welcome call, the enhanced view of a live call. */
@MicronautTest(transactional = false)
class CallEvidenceWiringTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    CallRepository calls;
    @Inject
    Transactions transactions;
    @Inject
    CallMessageRepository messages;

    @Test
    void aCompletedCallCompletesTheWelcomeCallStepAndOnlyForItsTenant() {
        HttpJson http = new HttpJson(server, json);
        String ann = (String) http.newUser("c-" + UUID.randomUUID() + "@example.com").get("access_token");
        String bob = (String) http.newUser("c-" + UUID.randomUUID() + "@example.com").get("access_token");
        assertThat(http.get("/onboarding/check-step/welcome_call_completed", ann).map()).containsEntry("completed", false);

        TenantId annTenant = new TenantId(((Number) http.get("/users/me", ann).map().get("id")).longValue());
        Instant now = Instant.now();
        String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Call call = Call.startInbound(calls.nextId(), annTenant, new PhoneNumber("+14155550100"), new PhoneNumber("+14155550199"),
                "default", sid, now);
        transactions.run(() -> calls.add(call));
        assertThat(http.get("/onboarding/check-step/welcome_call_completed", ann).map())
                .as("a ringing call is not a completed one").containsEntry("completed", false);

        call.recordStatus(CallStatus.IN_PROGRESS, now.plusSeconds(2), -1);
        call.recordStatus(CallStatus.COMPLETED, now.plusSeconds(60), 58);
        transactions.run(() -> calls.update(call));

        assertThat(http.get("/onboarding/check-step/welcome_call_completed", ann).map()).containsEntry("completed", true);
        assertThat(http.get("/onboarding/status", ann).map()).containsEntry("welcome_call_completed", true);
        assertThat(http.get("/onboarding/check-step/welcome_call_completed", bob).map()).containsEntry("completed", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLiveBridgedCallHasAnEnhancedTranscriptFromTheLinesItCaptured() {
        HttpJson http = new HttpJson(server, json);
        String ann = (String) http.newUser("t-" + UUID.randomUUID() + "@example.com").get("access_token");
        String bob = (String) http.newUser("t-" + UUID.randomUUID() + "@example.com").get("access_token");
        TenantId annTenant = new TenantId(((Number) http.get("/users/me", ann).map().get("id")).longValue());
        Instant now = Instant.now();
        String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Call call = Call.startInbound(calls.nextId(), annTenant, new PhoneNumber("+14155550100"), new PhoneNumber("+14155550199"),
                "default", sid, now);
        call.recordStatus(CallStatus.IN_PROGRESS, now, -1);
        transactions.run(() -> calls.add(call));
        messages.addAll(java.util.List.of(
                new CallMessage(call.id(), annTenant, Speaker.AGENT, "Thanks for calling Acme, how can I help?", 1.0, true, 500, 3000, now),
                new CallMessage(call.id(), annTenant, Speaker.CUSTOMER, "I would like to book a check-up.", 0.9, true, 3500, 5500, now)));

        HttpJson.Reply view = http.get("/api/enhanced-transcripts/" + sid, ann);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.map()).containsEntry("source", "live_call").containsEntry("call_direction", "inbound");
        assertThat(view.body()).contains("Thanks for calling Acme, how can I help?").contains("I would like to book a check-up.");
        assertThat(http.get("/api/enhanced-transcripts/" + sid, bob).status()).isEqualTo(404);
    }
}
