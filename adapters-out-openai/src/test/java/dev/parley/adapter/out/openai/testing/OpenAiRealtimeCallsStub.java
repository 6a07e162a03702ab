package dev.parley.adapter.out.openai.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for OpenAI's browser endpoints (protocols/openai-realtime.md §9):
 * {@code POST /v1/realtime/client_secrets} answers {@code {"value":"ek_…","expires_at":…,"session":{…}}}
 * and {@code POST /v1/realtime/calls} (multipart {@code sdp} + {@code session}) answers 201 with an SDP
 * answer derived from the offer and {@code Location: /v1/realtime/calls/rtc_…};
 * {@code POST /v1/realtime/calls/rtc_…/hangup} ends a call it issued (200; 404 for one it did not). Only the key it was
 * given is accepted (401 otherwise); every request is recorded; failures can be scripted.
 */
public final class OpenAiRealtimeCallsStub implements AutoCloseable {
    public record Recorded(String path, String authorization, String contentType, String body) {
        /** The parts of a multipart body, by name. */
        public Map<String, String> parts() {
            Map<String, String> parts = new LinkedHashMap<>();
            Matcher m = Pattern.compile("boundary=(\\S+)").matcher(contentType == null ? "" : contentType);
            if (!m.find()) return parts;
            for (String chunk : body.split("--" + Pattern.quote(m.group(1)))) {
                Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(chunk);
                int start = chunk.indexOf("\r\n\r\n");
                if (!name.find() || start < 0) continue;
                String content = chunk.substring(start + 4);
                parts.put(name.group(1), content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content);
            }
            return parts;
        }
    }

    private final HttpServer server;
    private final String key;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private static final Pattern HANG_UP = Pattern.compile("/v1/realtime/calls/([^/]+)/hangup");
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final List<String> hungUp = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> onHangUp;
    private volatile int failWithStatus;
    private volatile long secretLifetimeSeconds = 600;

    public OpenAiRealtimeCallsStub(String key) {
        this.key = key;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/realtime/client_secrets", exchange -> {
            if (refused(exchange)) return;
            int n = sequence.incrementAndGet();
            String body = "{\"value\":\"ek_test_" + n + "\",\"expires_at\":" + (Instant.now().getEpochSecond() + secretLifetimeSeconds)
                    + ",\"session\":{\"type\":\"realtime\",\"object\":\"realtime.session\",\"id\":\"sess_" + n + "\"}}";
            answer(exchange, 200, "application/json", body);
        });
        server.createContext("/v1/realtime/calls", exchange -> {
            if (refused(exchange)) return;
            Matcher hangup = HANG_UP.matcher(exchange.getRequestURI().getPath());
            if (hangup.matches()) {
                String id = hangup.group(1);
                if (!issued.contains(id)) {
                    answer(exchange, 404, "application/json", "{\"error\":{\"message\":\"call not found\"}}");
                    return;
                }
                hungUp.add(id);
                answer(exchange, 200, "application/json", "{}");
                Consumer<String> listener = onHangUp;
                if (listener != null) listener.accept(id);
                return;
            }
            String offer = requests.getLast().parts().getOrDefault("sdp", "");
            String callId = "rtc_test_" + sequence.incrementAndGet();
            issued.add(callId);
            exchange.getResponseHeaders().add("Location", "/v1/realtime/calls/" + callId);
            answer(exchange, 201, "application/sdp", answerFor(offer));
        });
        server.start();
    }

    /** The SDP answer this stand-in gives for an offer: recognisably derived from it. */
    public static String answerFor(String offer) {
        return "v=0\r\no=openai 1 1 IN IP4 127.0.0.1\r\ns=answer to " + offer.length() + " chars\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    }

    private boolean refused(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Recorded(exchange.getRequestURI().getPath(), authorization,
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "application/json", "{\"error\":{\"message\":\"method\"}}");
            return true;
        }
        if (!("Bearer " + key).equals(authorization)) {
            answer(exchange, 401, "application/json", "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}");
            return true;
        }
        if (failWithStatus != 0) {
            answer(exchange, failWithStatus, "application/json", "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}");
            return true;
        }
        return false;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The value for OPENAI_BASE_URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The call ids its {@code /realtime/calls} answers named (the {@code Location}'s last segment), in order. */
    public List<String> callIds() {
        return List.copyOf(issued);
    }

    /** The calls hung up through {@code /realtime/calls/{id}/hangup}, in order. */
    public List<String> hungUp() {
        return List.copyOf(hungUp);
    }

    /** Called with the call id after each hang-up is answered (to end the call's sideband, as the service would). */
    public void onHangUp(Consumer<String> listener) {
        this.onHangUp = listener;
    }

    public void clear() {
        requests.clear();
    }

    public void failWith(int status) {
        this.failWithStatus = status;
    }

    /** How long minted secrets live; a negative value mints secrets that have already expired. */
    public void secretsLiving(long seconds) {
        this.secretLifetimeSeconds = seconds;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
