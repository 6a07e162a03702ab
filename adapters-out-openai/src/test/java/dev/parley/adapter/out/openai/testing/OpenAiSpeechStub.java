package dev.parley.adapter.out.openai.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local stand-in for OpenAI's {@code POST /v1/audio/speech}: answers raw 24 kHz s16le PCM of a
 * 440 Hz tone, 100 ms per 10 characters of input (or a scripted error status), and records
 * every request body and Authorization header.
 */
public final class OpenAiSpeechStub implements AutoCloseable {
    public record Recorded(String authorization, String body) {
    }

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile int failWithStatus;
    private final java.util.Map<Integer, byte[]> tones = new java.util.concurrent.ConcurrentHashMap<>();

    public OpenAiSpeechStub() {
        // answer "at once": without TCP_NODELAY the server's separate header and body writes meet the
        // client's delayed ACK and every answer stalls for tens of milliseconds (Nagle)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/audio/speech", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (failWithStatus != 0) {
                byte[] error = "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(failWithStatus, error.length);
                exchange.getResponseBody().write(error);
            } else {
                int inputLength = body.length();
                byte[] pcm = tones.computeIfAbsent(Math.max(2400, inputLength * 240), samples -> tone(440, 24000, samples));
                exchange.getResponseHeaders().add("Content-Type", "audio/pcm");
                exchange.sendResponseHeaders(200, pcm.length);
                exchange.getResponseBody().write(pcm);
            }
            exchange.close();
        });
        server.start();
    }

    /** The value for OPENAI_BASE_URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public void failWith(int status) {
        this.failWithStatus = status;
    }

    /** s16le mono samples of a sine at {@code hz}, amplitude 8000. */
    public static byte[] tone(double hz, int rate, int samples) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short s = (short) Math.round(8000 * Math.sin(2 * Math.PI * hz * i / rate));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
