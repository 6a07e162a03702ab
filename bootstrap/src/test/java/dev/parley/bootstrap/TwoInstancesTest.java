package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.adapter.out.openai.testing.OpenAiSpeechStub;
import dev.parley.adapter.out.persistence.testing.PostgresRequirement;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.application.call.port.out.CallMessageRepository;
import dev.parley.domain.call.CallId;
import dev.parley.domain.call.Speaker;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.lettuce.core.RedisClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two application instances sharing PostgreSQL and Redis, as behind a load balancer: the call's
 * Twilio media stream lands on instance A, the agent's console on instance B. The agent's words
 * reach the caller (through A) and the caller's words reach the console (on B).
 */
class TwoInstancesTest {
    static final String AUTH_TOKEN = TelephonyTestSupport.AUTH_TOKEN;
    static final String PUBLIC_URL = TelephonyTestSupport.PUBLIC_URL;
    static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) c.close();
    }

    private static String redisUri() {
        return System.getProperty("parley.test.redis.uri", "redis://127.0.0.1:6379");
    }

    private static boolean redisAnswers() {
        RedisClient client = RedisClient.create(redisUri());
        try (var connection = client.connect()) {
            return "PONG".equals(connection.sync().ping());
        } catch (RuntimeException e) {
            return false;
        } finally {
            client.shutdown();
        }
    }

    @Test
    void theAgentsWordsReachTheCallAndTheCallersWordsReachTheConsoleAcrossInstances() throws Exception {
        assumeTrue(PostgresRequirement.isPostgresRun(), "runs in the PostgreSQL pass: two instances share one database");
        if (!redisAnswers()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError("CI=true requires Redis at " + redisUri());
            System.out.println("[parley] SKIPPED two-instance test: no Redis at " + redisUri());
            assumeTrue(false, "Redis not reachable");
        }
        TwilioApiStub twilio = new TwilioApiStub();
        FakeRealtimeServer openai = new FakeRealtimeServer();
        OpenAiSpeechStub speech = new OpenAiSpeechStub();
        closing.add(twilio);
        closing.add(openai);
        closing.add(speech);
        Map<String, Object> shared = new HashMap<>(Map.of(
                "redis.uri", redisUri(), "parley.events.channel", "parley:test:" + UUID.randomUUID(),
                "parley.twilio.api-base-url", twilio.baseUrl(), "parley.twilio.account-sid", "ACtest",
                "parley.twilio.auth-token", AUTH_TOKEN, "parley.public-url", PUBLIC_URL,
                "parley.openai.realtime-url", openai.url(), "parley.openai.api-key", "sk-test",
                "parley.openai.base-url", speech.baseUrl()));
        EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, shared, "test");
        closing.add(a.getApplicationContext());
        Map<String, Object> second = new HashMap<>(shared);
        second.put("flyway.datasources.default.enabled", "false");   // A migrated the shared database already
        EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, second, "test");
        closing.add(b.getApplicationContext());
        JsonMapper json = b.getApplicationContext().getBean(JsonMapper.class);

        // Ann signs up on B; her number is in the shared database
        HttpJson onB = new HttpJson(b, json);
        String token = (String) onB.newUser("two-" + UUID.randomUUID() + "@example.com").get("access_token");
        TenantId ann = new TenantId(((Number) onB.get("/users/me", token).map().get("id")).longValue());
        PhoneNumber ours = new PhoneNumber("+1555" + (1_000_000 + (int) (Math.random() * 8_999_999)));
        TelephonyTestSupport.giveNumber(a.getApplicationContext(), ann, ours, "default");

        // the call arrives on A, and its media stream connects to A
        TelephonyTestSupport.Ticket ticket = TelephonyTestSupport.signedIncomingCall(new HttpJson(a, json), ours);
        String sid = ticket.callSid();
        String callId = Long.toString(ticket.callId());
        FakeTwilioCaller caller = FakeTwilioCaller.connect(HttpClient.newHttpClient(),
                URI.create("ws://127.0.0.1:" + a.getPort() + "/media-stream"), "MZ" + UUID.randomUUID().toString().replace("-", ""));
        closing.add(caller);
        caller.start(sid, callId, ticket.token());
        FakeRealtimeServer.Connection model = openai.awaitConnection(WAIT);
        assertThat(model.awaitMessage("session.update", WAIT)).isNotNull();

        // the console is on B
        ConsoleClient console = new ConsoleClient(b.getURI(), "?token=" + token + "&call_id=" + callId, json);
        closing.add(console);
        assertThat(console.next("call_status_update")).containsEntry("call_id", callId);

        // the agent speaks from B: the caller on A hears it, the assistant is held, the console gets the audio
        console.send(Map.of("type", "agent_message", "call_id", callId, "message", "Hello, this is Sam from Acme.",
                "language", "auto", "timestamp", Instant.now().toString()));
        String media = caller.await("media", WAIT);
        assertThat(media).contains("\"payload\":\"");
        assertThat(model.awaitMessage("response.cancel", WAIT)).isNotNull();
        assertThat(model.awaitMessage("session.update", WAIT)).isNotNull();
        assertThat(model.received("session.update")).last().asString().contains("\"create_response\":false");
        Map<String, Object> confirmed = console.next("agent_tts_audio");
        assertThat(confirmed).containsEntry("call_id", callId).containsEntry("message", "Hello, this is Sam from Acme.");
        byte[] audio = Base64.getDecoder().decode((String) confirmed.get("audio_data"));
        assertThat(audio.length).as("8 kHz μ-law of the synthesised speech").isEqualTo(Math.max(2400, speech.requests().getFirst().body().length() * 240) / 3);
        assertThat(b.getApplicationContext().getBean(CallMessageRepository.class).ofCall(ann, new CallId(ticket.callId())))
                .anySatisfy(line -> {
                    assertThat(line.speaker()).isEqualTo(Speaker.AGENT);
                    assertThat(line.text()).isEqualTo("Hello, this is Sam from Acme.");
                });

        // the caller speaks on A: the console on B gets the transcript
        model.send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"event_id\":\"e\",\"item_id\":\"item_u1\","
                + "\"content_index\":0,\"transcript\":\"Hi Sam, I have a question about my bill.\"}");
        Map<String, Object> transcript = console.next("customer_transcript");
        assertThat(transcript).containsEntry("call_id", callId).containsEntry("transcript", "Hi Sam, I have a question about my bill.")
                .containsEntry("is_final", true).containsKeys("confidence", "detected_language", "timestamp");

        // handing back releases the assistant
        console.send(Map.of("type", "hand_back", "call_id", callId));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !model.received("session.update").getLast().contains("\"create_response\":true"))
            Thread.sleep(20);
        assertThat(model.received("session.update").getLast()).contains("\"create_response\":true");

        caller.stop(sid);
    }
}
