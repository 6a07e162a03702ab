package dev.parley.adapter.out.openai;

import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationModel;
import dev.parley.application.conversation.port.out.ConversationSession;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ConversationModel} on the OpenAI Realtime API (GA protocol): one WebSocket per call through
 * the JDK client, to OPENAI_REALTIME_URL?model=OPENAI_REALTIME_MODEL with a Bearer key. Audio is
 * G.711 μ-law both ways ({@code audio/pcmu}), so the carrier's payloads pass through untouched.
 */
@Singleton
class OpenAiConversationModel implements ConversationModel, AutoCloseable {
    static final String TRANSCRIPTION_MODEL = "gpt-4o-mini-transcribe";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private final OpenAiProperties properties;
    private final JsonMapper json;
    /** Several clients: each JDK client drives all its sockets from one selector thread, which would cap throughput. */
    private final HttpClient[] clients;
    private final AtomicInteger next = new AtomicInteger();
    /** Delivers every client's events: a fixed pool, so the thread count does not grow with the number of calls. */
    private final ExecutorService events;
    private final URI endpoint;

    OpenAiConversationModel(OpenAiProperties properties, JsonMapper json) {
        this(properties, json, 0);
    }

    /** @param clientCount JDK clients (each with one selector thread) sharing the event pool; 0 = one per core */
    @Inject
    OpenAiConversationModel(OpenAiProperties properties, JsonMapper json, @Value("${parley.openai.realtime-clients:0}") int clientCount) {
        this.properties = properties;
        this.json = json;
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicInteger threads = new AtomicInteger();
        int n = clientCount > 0 ? clientCount : cores;
        this.events = Executors.newFixedThreadPool(Math.max(2, n),
                r -> Thread.ofPlatform().daemon().name("openai-realtime-" + threads.incrementAndGet()).unstarted(r));
        this.clients = new HttpClient[n];
        for (int i = 0; i < clients.length; i++)
            clients[i] = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).executor(events).build();
        String base = properties.realtimeUrl();
        this.endpoint = URI.create(base + (base.contains("?") ? "&" : "?") + "model="
                + URLEncoder.encode(properties.realtimeModel(), StandardCharsets.UTF_8));
    }

    @Override
    public ConversationSession open(ConversationBrief brief, ConversationListener listener, java.util.concurrent.Executor affinity) {
        OpenAiRealtimeSession session = new OpenAiRealtimeSession(listener, json);
        session.send(sessionUpdate(brief));
        HttpClient http = clients[Math.floorMod(next.getAndIncrement(), clients.length)];
        session.connect(http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + properties.apiKey())
                .connectTimeout(CONNECT_TIMEOUT), endpoint);
        return session;
    }

    /** The GA {@code session.update}: μ-law in and out, server VAD, input transcription, the tools. GA sessions take no temperature. */
    String sessionUpdate(ConversationBrief brief) {
        Map<String, Object> turnDetection = new LinkedHashMap<>();
        turnDetection.put("type", "server_vad");
        turnDetection.put("threshold", 0.5);
        turnDetection.put("prefix_padding_ms", 300);
        turnDetection.put("silence_duration_ms", 500);
        turnDetection.put("create_response", true);
        turnDetection.put("interrupt_response", true);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("format", Map.of("type", "audio/pcmu"));
        input.put("transcription", Map.of("model", TRANSCRIPTION_MODEL));
        input.put("turn_detection", turnDetection);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("format", Map.of("type", "audio/pcmu"));
        output.put("voice", brief.voice());
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("type", "realtime");
        session.put("model", properties.realtimeModel());
        session.put("instructions", brief.instructions());
        session.put("output_modalities", List.of("audio"));
        session.put("audio", Map.of("input", input, "output", output));
        session.put("tools", brief.tools().stream().map(this::tool).toList());
        session.put("tool_choice", "auto");
        session.put("include", List.of("item.input_audio_transcription.logprobs"));
        try {
            return json.writeValueAsString(Map.of("type", "session.update", "session", session));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> tool(ConversationBrief.Tool tool) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "function");
        t.put("name", tool.name());
        t.put("description", tool.description());
        try {
            t.put("parameters", json.readValue(tool.parametersJsonSchema(), Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new IllegalArgumentException("Tool parameters must be a JSON Schema object", e);
        }
        return t;
    }

    @Override
    @PreDestroy
    public void close() {
        for (HttpClient http : clients) http.shutdownNow();
        events.shutdownNow();
    }
}
