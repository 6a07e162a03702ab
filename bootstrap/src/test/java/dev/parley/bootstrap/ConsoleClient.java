package dev.parley.bootstrap;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A live-console client speaking seed 002 over a real WebSocket (the JDK's client), for tests and benchmarks. */
final class ConsoleClient implements AutoCloseable {
    private final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final JsonMapper json;
    private final WebSocket socket;

    ConsoleClient(URI server, String query, JsonMapper json) {
        this.json = json;
        URI uri = URI.create("ws://" + server.getHost() + ":" + server.getPort() + "/api/ws/telephony/stream" + query);
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            try {
                                @SuppressWarnings("unchecked")
                                Map<String, Object> message = json.readValue(text.toString(), Map.class);
                                received.add(message);
                            } catch (IOException e) {
                                received.add(Map.of("type", "unparseable", "raw", text.toString()));
                            }
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.complete(-1);
                    }
                }).orTimeout(5, TimeUnit.SECONDS).join();
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    void send(Map<String, ?> message) {
        try {
            send(json.writeValueAsString(message));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message, or an assertion failure after 5 s. */
    Map<String, Object> next() {
        try {
            Map<String, Object> message = received.poll(5, TimeUnit.SECONDS);
            if (message == null) throw new AssertionError("no console message within 5 s");
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message of this type, skipping others; fails after 5 s. */
    Map<String, Object> next(String type) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try {
                Map<String, Object> message = received.poll(100, TimeUnit.MILLISECONDS);
                if (message != null && type.equals(message.get("type"))) return message;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + type + " within 5 s");
    }

    /** True when nothing arrives for {@code millis}. */
    boolean quietFor(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS) == null;
    }

    int awaitClose() {
        return closed.orTimeout(5, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        socket.abort();
    }
}
