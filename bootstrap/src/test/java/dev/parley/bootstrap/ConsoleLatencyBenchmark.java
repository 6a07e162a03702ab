package dev.parley.bootstrap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.adapter.out.openai.testing.OpenAiSpeechStub;
import dev.parley.adapter.out.persistence.testing.PostgresRequirement;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Console latency at N concurrent calls (default 100), reported, not asserted:
 * (1) {@code agent_message} sent by a console → first μ-law frame of the agent's speech sent into
 * the call (the speech stand-in answers at once); (2) the model's caller transcript → the
 * {@code customer_transcript} at the console. Off by default; run by hand:
 * <pre>./mvnw -B -pl bootstrap -am verify -Dparley.benchmark=true -Dtest=ConsoleLatencyBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dparley.benchmark.calls=100] [-Dparley.benchmark.redis=true]</pre>
 * With {@code parley.benchmark.redis=true} the calls stream into instance A and the consoles sit on
 * instance B, the two sharing PostgreSQL and Redis (PostgreSQL pass only).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "parley.benchmark", matches = "true")
class ConsoleLatencyBenchmark {
    static final String AUTH_TOKEN = TelephonyTestSupport.AUTH_TOKEN;
    static final String PUBLIC_URL = TelephonyTestSupport.PUBLIC_URL;
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void agentMessageToFirstFrameAndTranscriptToConsole() throws Exception {
        int calls = Integer.getInteger("parley.benchmark.calls", 100);
        boolean twoInstances = Boolean.getBoolean("parley.benchmark.redis");
        if (twoInstances) assumeTrue(PostgresRequirement.isPostgresRun(), "two instances share the PostgreSQL database");
        List<AutoCloseable> closing = new ArrayList<>();
        try {
            TwilioApiStub twilio = new TwilioApiStub();
            FakeRealtimeServer openai = new FakeRealtimeServer();
            OpenAiSpeechStub speech = new OpenAiSpeechStub();
            closing.add(twilio);
            closing.add(openai);
            closing.add(speech);
            Map<String, Object> props = new HashMap<>(Map.of(
                    "parley.twilio.api-base-url", twilio.baseUrl(), "parley.twilio.account-sid", "ACtest",
                    "parley.twilio.auth-token", AUTH_TOKEN, "parley.public-url", PUBLIC_URL,
                    "parley.openai.realtime-url", openai.url(), "parley.openai.api-key", "sk-test",
                    "parley.openai.base-url", speech.baseUrl(), "datasources.default.maximum-pool-size", "20"));
            if (twoInstances) {
                props.put("redis.uri", System.getProperty("parley.test.redis.uri", "redis://127.0.0.1:6379"));
                props.put("parley.events.channel", "parley:bench:" + UUID.randomUUID());
            }
            EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, props, "test");
            closing.add(a.getApplicationContext());
            EmbeddedServer b = a;
            if (twoInstances) {
                Map<String, Object> second = new HashMap<>(props);
                second.put("flyway.datasources.default.enabled", "false");
                b = ApplicationContext.run(EmbeddedServer.class, second, "test");
                closing.add(b.getApplicationContext());
            }
            JsonMapper json = a.getApplicationContext().getBean(JsonMapper.class);
            HttpJson onA = new HttpJson(a, json);
            String token = (String) new HttpJson(b, json).newUser("bench-" + UUID.randomUUID() + "@example.com").get("access_token");
            TenantId tenant = new TenantId(((Number) onA.get("/users/me", token).map().get("id")).longValue());
            HttpClient http = HttpClient.newHttpClient();

            record Call(String id, FakeTwilioCaller caller, FakeRealtimeServer.Connection model, ConsoleClient console) {
            }
            List<Call> live = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                PhoneNumber ours = new PhoneNumber("+1555" + (1_000_000 + i));
                TelephonyTestSupport.giveNumber(a.getApplicationContext(), tenant, ours, "default");
                TelephonyTestSupport.Ticket ticket = TelephonyTestSupport.signedIncomingCall(onA, ours);
                String sid = ticket.callSid();
                String id = Long.toString(ticket.callId());
                FakeTwilioCaller caller = FakeTwilioCaller.connect(http, URI.create("ws://127.0.0.1:" + a.getPort() + "/media-stream"),
                        "MZ" + UUID.randomUUID().toString().replace("-", ""));
                closing.add(caller);
                caller.start(sid, id, ticket.token());
                FakeRealtimeServer.Connection model = openai.awaitConnection(WAIT);
                ConsoleClient console = new ConsoleClient(b.getURI(), "?token=" + token + "&call_id=" + id, json);
                closing.add(console);
                console.next("call_status_update");
                live.add(new Call(id, caller, model, console));
            }

            long[] speakNanos = new long[calls];
            long[] transcriptNanos = new long[calls];
            for (int round = 0; round < 2; round++) {   // round 0 warms the JIT and the connection pools up; round 1 is measured
                int r = round;
                CountDownLatch go = new CountDownLatch(1);
                try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<Future<?>> runs = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        int n = i;
                        Call call = live.get(i);
                        runs.add(pool.submit(() -> {
                            go.await();
                            long t0 = System.nanoTime();
                            call.console().send(Map.of("type", "agent_message", "call_id", call.id(), "message", "Hello from agent " + n));
                            String media = call.caller().await("media", WAIT);
                            speakNanos[n] = System.nanoTime() - t0;
                            assertThat(media).isNotNull();
                            call.console().next("agent_tts_audio");
                            while (call.caller().await("media", Duration.ofMillis(50)) != null) {
                                // drain the rest of this message's frames before the next round
                            }
                            long t1 = System.nanoTime();
                            call.model().send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"event_id\":\"e\","
                                    + "\"item_id\":\"item_" + r + "_" + n + "\",\"content_index\":0,\"transcript\":\"Caller " + n + " speaking.\"}");
                            call.console().next("customer_transcript");
                            transcriptNanos[n] = System.nanoTime() - t1;
                            return null;
                        }));
                    }
                    go.countDown();
                    for (Future<?> run : runs) run.get();
                }
            }
            System.out.printf("[parley] console latency, %d concurrent calls, %s:%n", calls,
                    twoInstances ? "stream on A, console on B (PostgreSQL + Redis)" : "one instance (in-memory bus)");
            System.out.printf("[parley]   agent_message -> first frame into the call: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(speakNanos, 50), percentile(speakNanos, 99), percentile(speakNanos, 100));
            System.out.printf("[parley]   caller transcript -> console:             p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(transcriptNanos, 50), percentile(transcriptNanos, 99), percentile(transcriptNanos, 100));
        } finally {
            for (AutoCloseable c : closing.reversed()) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
