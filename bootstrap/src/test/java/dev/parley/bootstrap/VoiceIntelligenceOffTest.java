package dev.parley.bootstrap;

import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.application.call.port.in.CallSummary;
import dev.parley.domain.shared.TenantId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With USE_TWILIO_VOICE_INTELLIGENCE=false (the default) a finished recording asks Twilio for nothing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceIntelligenceOffTest implements TestPropertyProvider {
    final TwilioApiStub twilio = new TwilioApiStub();
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestCalls.Registry calls;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("parley.twilio.account-sid", "ACtest", "parley.twilio.auth-token", "off-token",
                "parley.twilio.api-base-url", twilio.baseUrl(), "parley.public-url", "https://parley.example",
                "parley.voice-intelligence.enabled", "false", "parley.voice-intelligence.service-sid", "GA" + "1".repeat(32), "parley.test.call-stand-ins", "true");
    }

    @AfterAll
    void stop() {
        twilio.close();
    }

    @Test
    void aRecordingCallbackIsAcknowledgedAndNothingIsRequested() {
        HttpJson http = new HttpJson(server, json);
        String callSid = "CA" + "9".repeat(32);
        calls.add(new CallSummary(new TenantId(1), 1, callSid, "outbound", "sales", "completed", Instant.now(), 5), List.of());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("RecordingSid", "RE" + "9".repeat(32));
        params.put("RecordingStatus", "completed");
        String signature = new TwilioSigner("off-token").sign("https://parley.example/recording-callback", params);

        HttpJson.Reply reply = http.send(http.request("/recording-callback", null).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(params))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.map()).containsEntry("status", "skipped");
        assertThat(twilio.requests()).isEmpty();
    }
}
