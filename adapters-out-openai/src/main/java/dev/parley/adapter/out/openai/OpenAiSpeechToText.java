package dev.parley.adapter.out.openai;

import dev.parley.application.transcript.port.out.SpeechToText;
import dev.parley.application.transcript.port.out.TranscriptionUnavailableException;
import dev.parley.domain.transcript.AudioUpload;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * {@link SpeechToText} on OpenAI's {@code POST {OPENAI_BASE_URL}/audio/transcriptions}: a multipart
 * upload (file, model, optional language; JSON response {@code {"text": …}}) with the JDK HTTP client.
 * Neither audio nor text is logged.
 */
@Singleton
class OpenAiSpeechToText implements SpeechToText {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiSpeechToText.class);
    private final OpenAiProperties openAi;
    private final OpenAiTranscriptionProperties settings;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Serdeable
    record TranscriptionResponse(String text) {
    }

    OpenAiSpeechToText(OpenAiProperties openAi, OpenAiTranscriptionProperties settings, JsonMapper json) {
        this.openAi = openAi;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public String transcribe(AudioUpload audio, String language) {
        if (!openAi.isConfigured()) throw TranscriptionUnavailableException.notConfigured("OpenAI is not configured (OPENAI_API_KEY)");
        String boundary = "parley-" + UUID.randomUUID();
        byte[] body = multipart(boundary, audio, language);
        String base = openAi.baseUrl().endsWith("/") ? openAi.baseUrl().substring(0, openAi.baseUrl().length() - 1) : openAi.baseUrl();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/audio/transcriptions"))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + openAi.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("OpenAI transcription unreachable: {}", e.getClass().getSimpleName());
            throw new TranscriptionUnavailableException("OpenAI transcription is unreachable", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptionUnavailableException("Interrupted while transcribing", false, e);
        }
        if (response.statusCode() / 100 != 2) {
            LOG.warn("OpenAI transcription answered {}", response.statusCode());
            throw new TranscriptionUnavailableException("OpenAI transcription failed (HTTP " + response.statusCode() + ")", false, null);
        }
        try {
            TranscriptionResponse parsed = json.readValue(response.body(), TranscriptionResponse.class);
            if (parsed == null || parsed.text() == null) throw new IOException("no text");
            return parsed.text();
        } catch (IOException e) {
            throw new TranscriptionUnavailableException("OpenAI transcription answered something unexpected", false, e);
        }
    }

    private byte[] multipart(String boundary, AudioUpload audio, String language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(audio.content().length + 1024);
        String filename = audio.filename().replaceAll("[\"\\r\\n\\\\]", "_");
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + audio.contentType().replaceAll("[\\r\\n]", "") + "\r\n\r\n");
        out.writeBytes(audio.content());
        write(out, "\r\n");
        field(out, boundary, "model", settings.model());
        field(out, boundary, "response_format", "json");
        if (language != null && !language.isBlank()) field(out, boundary, "language", language);
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
