package dev.parley.bootstrap;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probe defect 7: 200 console audio_data messages made 200 paid transcriptions (and agent_message as
 * many syntheses), without limit. Here a console may send 3 of each kind a minute and a tenant 5.
 */
@MicronautTest(transactional = false)
@Property(name = "parley.console.paid-messages-per-minute-per-console", value = "3")
@Property(name = "parley.console.paid-messages-per-minute-per-tenant", value = "5")
class ConsoleThrottleTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private static final String AUDIO = Base64.getEncoder().encodeToString(new byte[160]);

    private List<Map<String, Object>> sendAndCollect(ConsoleClient console, Map<String, ?> message, int times) {
        for (int i = 0; i < times; i++) console.send(message);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) answers.add(console.next());
        return answers;
    }

    private static long throttled(List<Map<String, Object>> answers) {
        return answers.stream().filter(a -> a.containsKey("retry_after")).count();
    }

    @Test
    void paidConsoleMessagesAreLimitedPerConsoleAndPerTenantInTheProtocol() {
        String token = (String) new HttpJson(server, json).newUser("throttle-" + UUID.randomUUID() + "@example.com").get("access_token");
        Map<String, Object> speak = Map.of("type", "agent_message", "call_id", "999999", "message", "Hello");
        Map<String, Object> audio = Map.of("type", "audio_data", "call_id", "999999", "audio_data", AUDIO, "encoding", "MULAW");
        try (ConsoleClient first = new ConsoleClient(server.getURI(), "?token=" + token, json);
             ConsoleClient second = new ConsoleClient(server.getURI(), "?token=" + token, json)) {
            List<Map<String, Object>> speech = sendAndCollect(first, speak, 5);
            assertThat(throttled(speech)).as("per console: 3 of 5 go through").isEqualTo(2);
            Map<String, Object> refused = speech.stream().filter(a -> a.containsKey("retry_after")).findFirst().orElseThrow();
            assertThat(refused).containsEntry("type", "telephony_error").containsEntry("error_code", "TTS_ERROR");
            assertThat(refused.get("message").toString()).contains("Rate limit exceeded");

            // the tenant's other console shares the account's 5: 2 more go through
            assertThat(throttled(sendAndCollect(second, speak, 4))).isEqualTo(2);

            // transcription has its own budgets
            List<Map<String, Object>> transcriptions = sendAndCollect(second, audio, 4);
            assertThat(throttled(transcriptions)).isEqualTo(1);
            assertThat(transcriptions).filteredOn(a -> a.containsKey("retry_after"))
                    .allSatisfy(a -> assertThat(a).containsEntry("error_code", "STT_ERROR"));

            first.send("{\"type\":\"ping\"}");
            assertThat(first.next()).as("the console goes on").containsEntry("type", "pong");
        }
    }
}
