package dev.parley.adapter.out.openai;

import dev.parley.application.conversation.port.out.SpeechSynthesisException;
import dev.parley.application.conversation.port.out.TextToSpeech;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link TextToSpeech} on OpenAI's {@code POST /audio/speech}, asking for raw 24 kHz PCM (the
 * only uncompressed format it offers) and converting it to 8 kHz μ-law for the phone line.
 */
@Singleton
class OpenAiTextToSpeech implements TextToSpeech {
    static final int MAX_INPUT = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiTextToSpeech.class);
    private final OpenAiProperties properties;
    private final JsonMapper json;
    private final String model;
    private final HttpClient http;

    OpenAiTextToSpeech(OpenAiProperties properties, JsonMapper json,
                       @Value("${parley.openai.speech-model:gpt-4o-mini-tts}") String model) {
        this.properties = properties;
        this.json = json;
        this.model = model;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public byte[] synthesize(String text, String voice) {
        if (!properties.isConfigured()) throw new SpeechSynthesisException("Text-to-speech is not configured (OPENAI_API_KEY is not set)");
        if (text == null || text.isBlank()) throw new SpeechSynthesisException("Nothing to say");
        if (text.length() > MAX_INPUT) throw new SpeechSynthesisException("Text is longer than " + MAX_INPUT + " characters");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("input", text);
        body.put("voice", voice);
        body.put("response_format", "pcm");
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl().replaceAll("/+$", "") + "/audio/speech"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + properties.apiKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.warn("OpenAI speech answered HTTP {}", response.statusCode());
                throw new SpeechSynthesisException("Speech synthesis failed (provider answered " + response.statusCode() + ")");
            }
            return PhoneAudio.pcm24kToMulaw8k(response.body());
        } catch (IOException e) {
            throw new SpeechSynthesisException("Speech synthesis is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechSynthesisException("Speech synthesis was interrupted", e);
        }
    }
}
