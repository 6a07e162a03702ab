package dev.parley.adapter.out.openai;

import dev.parley.application.session.port.out.BrowserBrief;
import dev.parley.application.session.port.out.BrowserRealtime;
import dev.parley.application.session.port.out.RealtimeUnavailableException;
import dev.parley.domain.session.SdpOffer;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link BrowserRealtime} on OpenAI's GA endpoints (protocols/openai-realtime.md §9):
 * {@code POST {OPENAI_BASE_URL}/realtime/client_secrets} mints the browser's ephemeral key, and
 * {@code POST {OPENAI_BASE_URL}/realtime/calls} (multipart: {@code sdp} and {@code session}, with the
 * server's key) connects a WebRTC offer; the answer's {@code Location} names the call, which
 * {@code POST {OPENAI_BASE_URL}/realtime/calls/{id}/hangup} ends. The browser's
 * session carries the scenario's instructions, voice, input transcription and tools, but no audio
 * format (WebRTC negotiates it). Neither the key nor a secret nor an SDP is ever logged.
 */
@Singleton
class OpenAiBrowserRealtime implements BrowserRealtime {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiBrowserRealtime.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final OpenAiProperties openAi;
    private final Duration secretTtl;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Serdeable
    record ClientSecretResponse(String value, Long expires_at) {
    }

    /** @param secretTtl REALTIME_CLIENT_SECRET_TTL: how long a client secret works (OpenAI accepts 10 s to 2 h) */
    OpenAiBrowserRealtime(OpenAiProperties openAi, @Value("${parley.realtime.client-secret-ttl:10m}") Duration secretTtl, JsonMapper json) {
        this.openAi = openAi;
        long seconds = Math.max(10, Math.min(7200, secretTtl.toSeconds()));
        this.secretTtl = Duration.ofSeconds(seconds);
        this.json = json;
    }

    @Override
    public ClientSecret mintClientSecret(BrowserBrief brief) {
        requireKey();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expires_after", Map.of("anchor", "created_at", "seconds", secretTtl.toSeconds()));
        body.put("session", session(brief));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/realtime/client_secrets"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + openAi.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request, "client secret");
        try {
            ClientSecretResponse parsed = json.readValue(response.body(), ClientSecretResponse.class);
            if (parsed == null || parsed.value() == null || parsed.value().isBlank() || parsed.expires_at() == null)
                throw new IOException("no client secret");
            return new ClientSecret(parsed.value(), Instant.ofEpochSecond(parsed.expires_at()), openAi.realtimeModel(),
                    brief.voice());
        } catch (IOException e) {
            throw new RealtimeUnavailableException("OpenAI answered the client secret request with something unexpected", false, e);
        }
    }

    @Override
    public SignalAnswer connect(BrowserBrief brief, SdpOffer offer) {
        requireKey();
        String boundary = "parley-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(offer.sdp().length() + 4096);
        part(out, boundary, "sdp", "application/sdp", offer.sdp());
        part(out, boundary, "session", "application/json", write(session(brief)));
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/realtime/calls"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + openAi.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build();
        HttpResponse<String> response = send(request, "WebRTC call");
        String answer = response.body();
        if (answer == null || !answer.startsWith("v=0"))
            throw new RealtimeUnavailableException("OpenAI answered the WebRTC offer with something that is not SDP", false, null);
        String location = response.headers().firstValue("Location").orElse("");
        String callId = location.substring(location.lastIndexOf('/') + 1).strip();
        if (callId.isEmpty()) throw new RealtimeUnavailableException("OpenAI did not name the WebRTC call", false, null);
        return new SignalAnswer(answer, callId);
    }

    /** {@code POST {OPENAI_BASE_URL}/realtime/calls/{id}/hangup} with the server's key: the WebRTC call ends. */
    void hangUp(String callId) {
        requireKey();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/realtime/calls/"
                        + URLEncoder.encode(callId, StandardCharsets.UTF_8) + "/hangup"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + openAi.apiKey())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        send(request, "hang-up");
    }

    /**
     * The GA session for a browser: no audio formats (WebRTC negotiates them), input transcription (in the brief's
     * language when it names one), the voice, the tools.
     */
    Map<String, Object> session(BrowserBrief brief) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("type", "realtime");
        session.put("model", openAi.realtimeModel());
        session.put("instructions", brief.instructions());
        session.put("output_modalities", List.of("audio"));
        Map<String, Object> transcription = new LinkedHashMap<>();
        transcription.put("model", OpenAiConversationModel.TRANSCRIPTION_MODEL);
        if (brief.transcriptionLanguage() != null && !brief.transcriptionLanguage().isBlank())
            transcription.put("language", brief.transcriptionLanguage());
        session.put("audio", Map.of(
                "input", Map.of("transcription", transcription,
                        "turn_detection", Map.of("type", "server_vad", "create_response", true, "interrupt_response", true)),
                "output", Map.of("voice", brief.voice())));
        session.put("tools", brief.tools().stream().map(this::tool).toList());
        session.put("tool_choice", "auto");
        return session;
    }

    private Map<String, Object> tool(BrowserBrief.Tool tool) {
        return RealtimeFunctionTool.of(json, tool.name(), tool.description(), tool.parametersJsonSchema());
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("OpenAI realtime {} request failed: {}", what, e.getClass().getSimpleName());
            throw new RealtimeUnavailableException("OpenAI Realtime is unreachable", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealtimeUnavailableException("Interrupted while asking OpenAI Realtime", false, e);
        }
        if (response.statusCode() / 100 != 2) {
            LOG.warn("OpenAI realtime {} request answered HTTP {}", what, response.statusCode());
            throw new RealtimeUnavailableException("OpenAI Realtime refused the " + what + " request (HTTP " + response.statusCode() + ")",
                    false, null);
        }
        return response;
    }

    private void requireKey() {
        if (!openAi.isConfigured())
            throw new RealtimeUnavailableException("OpenAI is not configured (OPENAI_API_KEY)", true, null);
    }

    private String base() {
        String b = openAi.baseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String type, String content) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: " + type
                + "\r\n\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
