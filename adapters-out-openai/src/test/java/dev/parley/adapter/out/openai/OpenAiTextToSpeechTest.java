package dev.parley.adapter.out.openai;

import dev.parley.adapter.out.openai.testing.OpenAiSpeechStub;
import dev.parley.application.conversation.port.out.SpeechSynthesisException;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real adapter over HTTP against the local speech stand-in. */
class OpenAiTextToSpeechTest {
    private final OpenAiSpeechStub openai = new OpenAiSpeechStub();
    private final JsonMapper json = JsonMapper.createDefault();
    private final OpenAiTextToSpeech tts = new OpenAiTextToSpeech(
            new OpenAiProperties("sk-test", openai.baseUrl(), "ws://unused", "gpt-realtime"), json, "gpt-4o-mini-tts");

    @AfterEach
    void stop() {
        openai.close();
    }

    @Test
    void asksForRawPcmWithTheKeyAndAnswersPhoneAudio() throws Exception {
        byte[] audio = tts.synthesize("Hello! Thank you for calling.", "alloy");

        OpenAiSpeechStub.Recorded sent = openai.requests().getFirst();
        assertThat(sent.authorization()).isEqualTo("Bearer sk-test");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(sent.body(), Map.class);
        assertThat(body).containsEntry("model", "gpt-4o-mini-tts").containsEntry("voice", "alloy")
                .containsEntry("response_format", "pcm").containsEntry("input", "Hello! Thank you for calling.");
        int pcmSamples = Math.max(2400, sent.body().length() * 240);
        assertThat(audio).hasSize(pcmSamples / 3);
    }

    @Test
    void providerFailuresAndMissingKeysBecomeThePortsException() {
        openai.failWith(500);
        assertThatThrownBy(() -> tts.synthesize("Hi", "alloy")).isInstanceOf(SpeechSynthesisException.class)
                .hasMessageContaining("500");
        OpenAiTextToSpeech unconfigured = new OpenAiTextToSpeech(new OpenAiProperties("", openai.baseUrl(), "", ""), json, "m");
        assertThatThrownBy(() -> unconfigured.synthesize("Hi", "alloy")).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> tts.synthesize(" ", "alloy")).isInstanceOf(SpeechSynthesisException.class);
        assertThatThrownBy(() -> tts.synthesize("x".repeat(4097), "alloy")).hasMessageContaining("4096");
    }

    @Test
    void anUnreachableProviderIsThePortsException() {
        OpenAiTextToSpeech nowhere = new OpenAiTextToSpeech(
                new OpenAiProperties("sk", "http://127.0.0.1:9/v1", "", ""), json, "m");
        assertThatThrownBy(() -> nowhere.synthesize("Hi", "alloy")).isInstanceOf(SpeechSynthesisException.class)
                .hasMessageContaining("unreachable");
    }
}
