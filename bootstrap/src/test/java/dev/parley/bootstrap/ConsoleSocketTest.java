package dev.parley.bootstrap;

import dev.parley.application.call.port.out.CallEvent;
import dev.parley.application.call.port.out.CallEvents;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The live console of seed 002 over a real WebSocket: every message type, bad input, tenants, reconnection. */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ConsoleSocketTest implements io.micronaut.test.support.TestPropertyProvider {
    final dev.parley.adapter.out.openai.testing.OpenAiTranscriptionStub transcription =
            new dev.parley.adapter.out.openai.testing.OpenAiTranscriptionStub().answering("Hello, I am calling about my bill.");

    @Override
    public Map<String, String> getProperties() {
        return Map.of("parley.openai.base-url", transcription.baseUrl(), "parley.openai.api-key", "sk-test");
    }

    @org.junit.jupiter.api.AfterAll
    void stopStandIns() {
        transcription.close();
    }

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    CallRepository calls;
    @Inject
    CallMessageRepository messages;
    @Inject
    CallEvents events;
    @Inject
    Transactions transactions;

    HttpJson http;
    String annToken;
    TenantId ann;
    String bobToken;

    @BeforeEach
    void users() {
        http = new HttpJson(server, json);
        annToken = (String) http.newUser("ann-" + UUID.randomUUID() + "@example.com").get("access_token");
        ann = new TenantId(((Number) http.get("/users/me", annToken).map().get("id")).longValue());
        bobToken = (String) http.newUser("bob-" + UUID.randomUUID() + "@example.com").get("access_token");
    }

    private ConsoleClient console(String token, String callId) {
        return new ConsoleClient(server.getURI(), "?token=" + token + "&call_id=" + callId + "&language=auto&model=nova-2&client_type=telephony", json);
    }

    private Call answeredCall(TenantId tenant) {
        Instant now = Instant.now();
        Call call = Call.startInbound(calls.nextId(), tenant, new PhoneNumber("+14155550100"), new PhoneNumber("+14155550199"),
                "default", "CA" + UUID.randomUUID().toString().replace("-", ""), now);
        call.recordStatus(CallStatus.IN_PROGRESS, now, -1);
        transactions.run(() -> calls.add(call));
        return call;
    }

    @Test
    void anInvalidTokenGetsTelephonyErrorThenTheSocketCloses() {
        try (ConsoleClient client = console("not-a-token", "")) {
            Map<String, Object> error = client.next();
            assertThat(error).containsEntry("type", "telephony_error").containsEntry("error_code", "CONNECTION_FAILED")
                    .containsKeys("message", "timestamp");
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void pingIsAnsweredWithPongAndInitWithTelephonyConnected() {
        Call call = answeredCall(ann);
        String id = Long.toString(call.id().value());
        try (ConsoleClient client = console(annToken, "")) {
            client.send("{\"type\":\"ping\"}");
            assertThat(client.next()).isEqualTo(Map.of("type", "pong"));
            client.send(Map.of("type", "init_telephony_stream", "call_id", id, "language", "auto", "model", "nova-2",
                    "client_type", "telephony"));
            assertThat(client.next()).containsEntry("type", "telephony_connected").containsEntry("call_id", id)
                    .containsEntry("status", "ready");
            assertThat(client.next()).containsEntry("type", "call_status_update").containsEntry("status", "answered")
                    .containsEntry("customer_number", "+14155550100").containsEntry("organization_number", "+14155550199");
        }
    }

    @Test
    void garbageUnknownTypesMissingFieldsAndHugeFramesAreAnsweredInTheProtocol() throws Exception {
        try (ConsoleClient client = console(annToken, "")) {
            for (String bad : List.of("{not json", "[1,2,3]", "42", "{\"no_type\":true}", "{\"type\":\"launch_missiles\"}",
                    "{\"type\":\"agent_message\",\"message\":\"hi\"}", "{\"type\":\"update_call_status\",\"call_id\":\"1\",\"status\":\"exploded\"}",
                    "{\"type\":\"init_telephony_stream\",\"language\":\"klingon\"}", "x".repeat(300_000))) {
                client.send(bad);
                Map<String, Object> error = client.next();
                assertThat(error).as(bad.length() > 80 ? "huge frame" : bad).containsEntry("type", "telephony_error");
                assertThat(error.get("error_code")).isEqualTo("CONNECTION_FAILED");
            }
            client.send("{\"type\":\"ping\"}");
            assertThat(client.next()).as("the socket survives bad input").containsEntry("type", "pong");
        }
    }

    @Test
    void anotherTenantsCallGetsTelephonyErrorAndNothingAboutIt() throws Exception {
        Call call = answeredCall(ann);
        String id = Long.toString(call.id().value());
        try (ConsoleClient bob = console(bobToken, id)) {
            assertThat(bob.next()).containsEntry("type", "telephony_error").containsEntry("message", "Call not found");
            bob.send(Map.of("type", "agent_message", "call_id", id, "message", "I am not Ann"));
            assertThat(bob.next()).containsEntry("type", "telephony_error").containsEntry("message", "Call not found");
            bob.send(Map.of("type", "update_call_status", "call_id", id, "status", "ended"));
            assertThat(bob.next()).containsEntry("type", "telephony_error");
            events.publish(new CallEvent.CustomerSpoke(ann, id, "my card number is 4111", true, 0.9, "en", Instant.now()));
            assertThat(bob.quietFor(300)).as("Bob hears nothing of Ann's call").isTrue();
        }
        assertThat(messages.ofCall(ann, call.id())).isEmpty();
    }

    @Test
    void aReconnectingConsoleFirstGetsTheCallsStateAndWhatWasSaid() {
        Call call = answeredCall(ann);
        String id = Long.toString(call.id().value());
        Instant now = Instant.now();
        messages.addAll(List.of(
                new CallMessage(call.id(), ann, Speaker.AGENT, "Thanks for calling, how can I help?", 1.0, true, 0, 1200, now),
                new CallMessage(call.id(), ann, Speaker.CUSTOMER, "I need help with my account", 0.92, true, 1500, 3000, now)));
        try (ConsoleClient client = console(annToken, id)) {
            assertThat(client.next()).containsEntry("type", "call_status_update").containsEntry("status", "answered");
            assertThat(client.next()).containsEntry("type", "agent_transcript").containsEntry("message", "Thanks for calling, how can I help?");
            assertThat(client.next()).containsEntry("type", "customer_transcript").containsEntry("transcript", "I need help with my account")
                    .containsEntry("is_final", true).containsEntry("confidence", 0.92).containsKey("detected_language");
        }
    }

    @Test
    void callEventsReachTheTenantsConsolesAsTheyHappen() {
        Call call = answeredCall(ann);
        Call other = answeredCall(ann);
        String id = Long.toString(call.id().value());
        try (ConsoleClient all = console(annToken, ""); ConsoleClient one = console(annToken, id)) {
            one.next("call_status_update");   // the catch-up
            Instant at = Instant.now();
            events.publish(new CallEvent.StatusChanged(ann, Long.toString(other.id().value()), "incoming", "+14155550111", "+14155550199", at));
            events.publish(new CallEvent.CustomerSpoke(ann, id, "Hello there", true, 0.95, "en", at));
            events.publish(new CallEvent.AgentSpoke(ann, id, "Hi, this is Sam", "//7+", at));
            events.publish(new CallEvent.StatusChanged(ann, id, "ended", "", "", at));

            assertThat(all.next()).containsEntry("type", "call_status_update").containsEntry("status", "incoming")
                    .containsEntry("customer_number", "+14155550111").containsEntry("organization_number", "+14155550199");
            assertThat(all.next()).containsEntry("type", "customer_transcript");
            assertThat(all.next()).containsEntry("type", "agent_tts_audio").containsEntry("audio_data", "//7+")
                    .containsEntry("message", "Hi, this is Sam");
            assertThat(all.next()).containsEntry("type", "call_status_update").containsEntry("status", "ended");

            assertThat(one.next()).as("the watched call's console skips other calls")
                    .containsEntry("type", "customer_transcript").containsEntry("transcript", "Hello there")
                    .containsEntry("confidence", 0.95).containsEntry("detected_language", "en");
            assertThat(one.next()).containsEntry("type", "agent_tts_audio");
            assertThat(one.next()).containsEntry("type", "call_status_update").containsEntry("status", "ended");
        }
    }

    @Test
    void anAgentMessageIsStoredAndSentToTheCallsOwner() throws Exception {
        Call call = answeredCall(ann);
        String id = Long.toString(call.id().value());
        BlockingQueue<CallEvent> owner = new LinkedBlockingQueue<>();
        try (var subscription = events.subscribe(owner::add); ConsoleClient client = console(annToken, id)) {
            client.next("call_status_update");
            client.send(Map.of("type", "agent_message", "call_id", id, "message", "Hello! Thank you for calling.",
                    "language", "auto", "timestamp", Instant.now().toString()));
            CallEvent event;
            do {
                event = owner.poll(5, TimeUnit.SECONDS);
            } while (event != null && !(event instanceof CallEvent.SpeakRequested));
            assertThat(event).isInstanceOfSatisfying(CallEvent.SpeakRequested.class, speak -> {
                assertThat(speak.callId()).isEqualTo(id);
                assertThat(speak.text()).isEqualTo("Hello! Thank you for calling.");
            });
            assertThat(messages.ofCall(ann, call.id())).singleElement().satisfies(line -> {
                assertThat(line.speaker()).isEqualTo(Speaker.AGENT);
                assertThat(line.text()).isEqualTo("Hello! Thank you for calling.");
            });
        }
    }

    @Test
    void audioFromTheConsoleIsTranscribedStoredAndSentAsACustomerTranscript() {
        Call call = answeredCall(ann);
        String id = Long.toString(call.id().value());
        try (ConsoleClient client = console(annToken, id)) {
            client.next("call_status_update");
            String audio = java.util.Base64.getEncoder().encodeToString(new byte[1600]);
            client.send(Map.of("type", "audio_data", "call_id", id, "audio_data", audio, "sample_rate", 8000, "encoding", "MULAW",
                    "timestamp", Instant.now().toString()));
            Map<String, Object> transcript = client.next("customer_transcript");
            assertThat(transcript).containsEntry("call_id", id).containsEntry("transcript", "Hello, I am calling about my bill.")
                    .containsEntry("is_final", true).containsKeys("confidence", "detected_language", "timestamp");
            byte[] wav = transcription.uploads().getLast().part("file").content();
            assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(wav).hasSize(44 + 3200);
            assertThat(messages.ofCall(ann, call.id())).singleElement().satisfies(line -> assertThat(line.speaker()).isEqualTo(Speaker.CUSTOMER));

            client.send(Map.of("type", "audio_data", "call_id", id, "audio_data", "%%% not base64 %%%"));
            assertThat(client.next("telephony_error")).containsEntry("error_code", "CONNECTION_FAILED");
            transcription.failingWith(500);
            client.send(Map.of("type", "audio_data", "call_id", id, "audio_data", audio));
            assertThat(client.next("telephony_error")).containsEntry("error_code", "STT_ERROR");
        } finally {
            transcription.answering("Hello, I am calling about my bill.");
        }
    }
}
