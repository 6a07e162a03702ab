package dev.parley.bootstrap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Plays Twilio's side of a bidirectional media stream over a real WebSocket: connected, start
 * (with custom parameters), media frames with the caller's audio, mark echoes, stop.
 */
final class FakeTwilioCaller implements WebSocket.Listener, AutoCloseable {
    final List<String> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final String streamSid;
    private WebSocket socket;
    private int sequence;
    private int chunk;
    volatile boolean echoMarks;
    private final java.util.concurrent.atomic.AtomicInteger echoed = new java.util.concurrent.atomic.AtomicInteger();
    volatile Consumer<String> onFrame;

    private FakeTwilioCaller(String streamSid) {
        this.streamSid = streamSid;
    }

    static FakeTwilioCaller connect(HttpClient http, URI mediaStream, String streamSid) {
        FakeTwilioCaller caller = new FakeTwilioCaller(streamSid);
        caller.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(mediaStream, caller)
                .orTimeout(10, TimeUnit.SECONDS).join();
        return caller;
    }

    synchronized FakeTwilioCaller start(String callSid, String callId, String token) {
        send("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        String params = (callId == null ? "" : "\"callId\":\"" + callId + "\"") + (callId != null && token != null ? "," : "")
                + (token == null ? "" : "\"token\":\"" + token + "\"");
        send("{\"event\":\"start\",\"sequenceNumber\":\"" + (++sequence) + "\",\"streamSid\":\"" + streamSid + "\",\"start\":{"
                + "\"accountSid\":\"ACtest\",\"streamSid\":\"" + streamSid + "\",\"callSid\":\"" + callSid + "\",\"tracks\":[\"inbound\"],"
                + "\"customParameters\":{" + params + "},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}}}");
        return this;
    }

    synchronized void media(String payload, long timestampMs) {
        send("{\"event\":\"media\",\"sequenceNumber\":\"" + (++sequence) + "\",\"streamSid\":\"" + streamSid
                + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"" + (++chunk) + "\",\"timestamp\":\"" + timestampMs
                + "\",\"payload\":\"" + payload + "\"}}");
    }

    synchronized void mark(String name) {
        send("{\"event\":\"mark\",\"sequenceNumber\":\"" + (++sequence) + "\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"" + name + "\"}}");
    }

    synchronized void stop(String callSid) {
        send("{\"event\":\"stop\",\"sequenceNumber\":\"" + (++sequence) + "\",\"streamSid\":\"" + streamSid
                + "\",\"stop\":{\"accountSid\":\"ACtest\",\"callSid\":\"" + callSid + "\"}}");
    }

    synchronized void raw(String frame) {
        send(frame);
    }

    /** One message sent as several frames (a first text frame and continuations). */
    synchronized void fragments(String... parts) {
        for (int i = 0; i < parts.length; i++) socket.sendText(parts[i], i == parts.length - 1).orTimeout(5, TimeUnit.SECONDS).join();
    }

    synchronized void binary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    synchronized void ping(byte[] data) {
        socket.sendPing(ByteBuffer.wrap(data)).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** The payload of the next pong we received; null on time-out. */
    byte[] awaitPong(Duration timeout) {
        try {
            return pongs.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Twilio answers a mark once its audio has played; one send at a time, as the JDK's WebSocket requires ("Send pending"). */
    private synchronized void echoMark(String name) {
        send("{\"event\":\"mark\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"" + name + "\"}}");
        echoed.incrementAndGet();
    }

    /** How many marks this caller has echoed back (written to the socket). */
    int echoedMarks() {
        return echoed.get();
    }

    private void send(String frame) {
        socket.sendText(frame, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** The next frame we received whose event is {@code event}; null on time-out. */
    String await(String event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return null;
                String f = inbox.poll(left, TimeUnit.NANOSECONDS);
                if (f == null) return null;
                if (f.contains("\"event\":\"" + event + "\"")) return f;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    List<String> received(String event) {
        return received.stream().filter(f -> f.contains("\"event\":\"" + event + "\"")).toList();
    }

    boolean awaitClosed(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The status code of the server's close frame (-1 when the connection failed instead); null on time-out. */
    Integer awaitCloseCode(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            received.add(frame);
            inbox.add(frame);
            Consumer<String> c = onFrame;
            if (c != null) c.accept(frame);
            if (echoMarks && frame.contains("\"event\":\"mark\"")) {
                int k = frame.indexOf("\"name\":\"");
                String name = frame.substring(k + 8, frame.indexOf('"', k + 8));
                echoMark(name);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        byte[] data = new byte[message.remaining()];
        message.get(data);
        pongs.add(data);
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

    @Override
    public void close() {
        if (!closed.isDone()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).join();
            } catch (RuntimeException ignored) {
                // already closing
            }
        }
        socket.abort();
    }
}
