package dev.parley.adapter.out.openai;

import dev.parley.adapter.out.openai.testing.OpenAiRealtimeCallsStub;
import dev.parley.application.session.port.out.BrowserBrief;
import dev.parley.application.session.port.out.BrowserRealtime;
import dev.parley.application.session.port.out.RealtimeUnavailableException;
import dev.parley.domain.session.SdpOffer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter's real HTTP requests against the local client_secrets and /realtime/calls stand-in. */
class OpenAiBrowserRealtimeTest {
    static final String KEY = "sk-browser-test-key";
    static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n";
    final OpenAiRealtimeCallsStub openAi = new OpenAiRealtimeCallsStub(KEY);
    final JsonMapper json = JsonMapper.createDefault();
    final BrowserBrief brief = new BrowserBrief("sales", "Sell kindly.", "coral", 0.8,
            List.of(new BrowserBrief.Tool("end_call", "Ends the call", "{\"type\":\"object\",\"properties\":{}}")));

    OpenAiBrowserRealtime adapter(String key, Duration ttl) {
        return new OpenAiBrowserRealtime(new OpenAiProperties(key, openAi.baseUrl(), "ws://unused", "gpt-realtime"), ttl, json);
    }

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Test
    void aClientSecretIsMintedWithTheScenarioSessionAndTheConfiguredLifetime() throws Exception {
        BrowserRealtime.ClientSecret secret = adapter(KEY, Duration.ofMinutes(5)).mintClientSecret(brief);

        assertThat(secret.value()).startsWith("ek_test_");
        assertThat(secret.expiresAt()).isAfter(Instant.now());
        assertThat(secret.model()).isEqualTo("gpt-realtime");
        assertThat(secret.voice()).isEqualTo("coral");
        assertThat(secret.toString()).doesNotContain(secret.value());
        OpenAiRealtimeCallsStub.Recorded request = openAi.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/realtime/client_secrets");
        assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
        Map<String, Object> body = json.readValue(request.body(), Argument.mapOf(String.class, Object.class));
        assertThat(body.get("expires_after")).isEqualTo(Map.of("anchor", "created_at", "seconds", 300));
        @SuppressWarnings("unchecked") Map<String, Object> session = (Map<String, Object>) body.get("session");
        assertThat(session).containsEntry("type", "realtime").containsEntry("model", "gpt-realtime")
                .containsEntry("instructions", "Sell kindly.");
        assertThat(json.writeValueAsString(session.get("audio"))).contains("\"voice\":\"coral\"").contains("transcription")
                .doesNotContain("format");
        assertThat(json.writeValueAsString(session.get("tools"))).contains("\"name\":\"end_call\"").contains("\"type\":\"function\"");
    }

    @Test
    void theOfferIsRelayedExactlyWithTheSessionAndTheAnswerAndCallIdComeBack() throws Exception {
        BrowserRealtime.SignalAnswer answer = adapter(KEY, Duration.ofMinutes(10)).connect(brief, new SdpOffer(OFFER));

        assertThat(answer.sdp()).isEqualTo(OpenAiRealtimeCallsStub.answerFor(OFFER));
        assertThat(answer.callId()).startsWith("rtc_test_");
        OpenAiRealtimeCallsStub.Recorded request = openAi.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/realtime/calls");
        assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(request.parts().get("sdp")).isEqualTo(OFFER);
        Map<String, Object> session = json.readValue(request.parts().get("session"), Argument.mapOf(String.class, Object.class));
        assertThat(session).containsEntry("instructions", "Sell kindly.");
    }

    @Test
    void aRefusalIsUnavailableAndAMissingKeyIsNotConfigured() {
        assertThatThrownBy(() -> adapter("sk-wrong", Duration.ofMinutes(10)).mintClientSecret(brief))
                .isInstanceOfSatisfying(RealtimeUnavailableException.class, e -> {
                    assertThat(e.isNotConfigured()).isFalse();
                    assertThat(e.getMessage()).contains("401").doesNotContain("sk-wrong");
                });
        openAi.failWith(500);
        assertThatThrownBy(() -> adapter(KEY, Duration.ofMinutes(10)).connect(brief, new SdpOffer(OFFER)))
                .isInstanceOfSatisfying(RealtimeUnavailableException.class, e -> assertThat(e.getMessage()).contains("500"));
        int before = openAi.requests().size();
        assertThatThrownBy(() -> adapter("", Duration.ofMinutes(10)).mintClientSecret(brief))
                .isInstanceOfSatisfying(RealtimeUnavailableException.class, e -> assertThat(e.isNotConfigured()).isTrue());
        assertThat(openAi.requests()).hasSize(before);
    }

    @Test
    void aClosedPortIsUnavailable() {
        openAi.close();
        assertThatThrownBy(() -> adapter(KEY, Duration.ofMinutes(10)).mintClientSecret(brief))
                .isInstanceOfSatisfying(RealtimeUnavailableException.class, e -> assertThat(e.isNotConfigured()).isFalse());
    }
}
