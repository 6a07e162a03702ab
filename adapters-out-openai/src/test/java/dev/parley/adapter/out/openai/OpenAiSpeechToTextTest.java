package dev.parley.adapter.out.openai;

import dev.parley.adapter.out.openai.testing.OpenAiTranscriptionStub;
import dev.parley.application.transcript.port.out.TranscriptionUnavailableException;
import dev.parley.domain.transcript.AudioUpload;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter's real HTTP multipart upload against the local transcription stand-in. */
class OpenAiSpeechToTextTest {
    final OpenAiTranscriptionStub openAi = new OpenAiTranscriptionStub();
    final byte[] audio = {'R', 'I', 'F', 'F', 0, 1, 2, 3, (byte) 0xFF, 13, 10, 45, 45};

    OpenAiSpeechToText adapter(String key) {
        return new OpenAiSpeechToText(new OpenAiProperties(key, openAi.baseUrl(), "wss://unused", "gpt-realtime"),
                new OpenAiTranscriptionProperties("whisper-1", Duration.ofSeconds(5)), JsonMapper.createDefault());
    }

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Test
    void theFileIsUploadedAsMultipartWithModelAndLanguage() {
        openAi.answering("Hello \"world\".");

        String text = adapter("sk-test").transcribe(new AudioUpload("call.wav", "audio/wav", audio), "en");

        assertThat(text).isEqualTo("Hello \"world\".");
        OpenAiTranscriptionStub.Upload upload = openAi.uploads().getFirst();
        assertThat(upload.authorization()).isEqualTo("Bearer sk-test");
        assertThat(upload.part("file").filename()).isEqualTo("call.wav");
        assertThat(upload.part("file").contentType()).isEqualTo("audio/wav");
        assertThat(upload.part("file").content()).isEqualTo(audio);
        assertThat(upload.part("model").text()).isEqualTo("whisper-1");
        assertThat(upload.part("language").text()).isEqualTo("en");
    }

    @Test
    void failuresAndAMissingKeyAreUnavailable() {
        assertThatThrownBy(() -> adapter("sk-wrong").transcribe(new AudioUpload("a.mp3", "audio/mpeg", audio), ""))
                .isInstanceOf(TranscriptionUnavailableException.class).hasMessageContaining("401");
        openAi.failingWith(500);
        assertThatThrownBy(() -> adapter("sk-test").transcribe(new AudioUpload("a.mp3", "audio/mpeg", audio), ""))
                .isInstanceOf(TranscriptionUnavailableException.class);
        assertThatThrownBy(() -> adapter("").transcribe(new AudioUpload("a.mp3", "audio/mpeg", audio), ""))
                .isInstanceOfSatisfying(TranscriptionUnavailableException.class, e -> assertThat(e.isNotConfigured()).isTrue());
    }
}
