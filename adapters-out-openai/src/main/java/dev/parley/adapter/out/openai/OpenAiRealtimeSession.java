package dev.parley.adapter.out.openai;

import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Realtime conversation over the JDK WebSocket. Sends are serialised through a queue (the JDK
 * allows one outstanding send); messages sent before the socket is up wait in it, behind the
 * session.update. Text fragments are buffered until the last one, and one message is requested at
 * a time. Audio deltas are read with a field scan, not a JSON tree; rarer events are parsed fully.
 */
final class OpenAiRealtimeSession implements ConversationSession, WebSocket.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiRealtimeSession.class);
    /** Queued after everything else when the session closes; recognised by identity, so no message can mimic it. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String CLOSE = new String("close");
    static final int MAX_QUEUED = 2_000;

    private final ConversationListener listener;
    private final JsonMapper json;
    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final StringBuilder inbound = new StringBuilder();
    private volatile WebSocket socket;

    OpenAiRealtimeSession(ConversationListener listener, JsonMapper json) {
        this.listener = listener;
        this.json = json;
    }

    void connect(WebSocket.Builder builder, URI endpoint) {
        builder.buildAsync(endpoint, this).whenComplete((ws, failure) -> {
            if (failure != null) {
                LOG.warn("OpenAI Realtime unreachable: {}", rootMessage(failure));
                lost("unreachable");
                return;
            }
            socket = ws;
            if (closed.get()) {
                ws.abort();
                return;
            }
            pump();
        });
    }

    // ---- ConversationSession -----------------------------------------------------------------

    @Override
    public void appendAudio(String base64Payload) {
        send("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + base64Payload + "\"}");
    }

    @Override
    public void truncate(String itemId, long audioEndMs) {
        send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + escape(itemId) + "\",\"content_index\":0,\"audio_end_ms\":"
                + Math.max(0, audioEndMs) + "}");
    }

    @Override
    public void toolResult(String callId, String outputJson, boolean respond) {
        send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\"" + escape(callId)
                + "\",\"output\":\"" + escape(outputJson) + "\"}}");
        if (respond) respond();
    }

    @Override
    public void respond() {
        send("{\"type\":\"response.create\"}");
    }

    @Override
    public void hold(boolean held) {
        if (held) send("{\"type\":\"response.cancel\"}");
        send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":"
                + "{\"type\":\"server_vad\",\"threshold\":0.5,\"prefix_padding_ms\":300,\"silence_duration_ms\":500,"
                + "\"create_response\":" + !held + ",\"interrupt_response\":" + !held + "}}}}}");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        outbox.clear();
        outbox.add(CLOSE);
        queued.set(1);
        pump();
    }

    void send(String message) {
        if (closed.get()) return;
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            return; // the model is not keeping up; dropping is better than growing without bound
        }
        outbox.add(message);
        pump();
    }

    private void pump() {
        while (true) {
            WebSocket ws = socket;
            if (ws == null || !sending.compareAndSet(false, true)) return;
            String next = outbox.poll();
            if (next == null) {
                sending.set(false);
                if (outbox.isEmpty()) return;
                continue;
            }
            queued.decrementAndGet();
            CompletableFuture<WebSocket> sent;
            try {
                if (next == CLOSE) {
                    sent = ws.sendClose(WebSocket.NORMAL_CLOSURE, "call ended").orTimeout(2, TimeUnit.SECONDS);
                    sent.whenComplete((r, e) -> ws.abort());
                } else {
                    sent = ws.sendText(next, true);
                }
            } catch (RuntimeException e) {
                sending.set(false);
                ws.abort();
                lost("disconnected");
                return;
            }
            if (sent.isDone() && !sent.isCompletedExceptionally()) {
                sending.set(false);
                continue;
            }
            sent.whenComplete((r, failure) -> {
                sending.set(false);
                if (failure != null) {
                    ws.abort();
                    lost("disconnected");
                } else {
                    pump();
                }
            });
            return;
        }
    }

    /** The connection failed or dropped without us closing it. */
    private void lost(String reason) {
        if (!closed.compareAndSet(false, true)) return;
        outbox.clear();
        WebSocket ws = socket;
        if (ws != null) ws.abort();
        listener.closed(reason, true);
    }

    // ---- WebSocket.Listener ------------------------------------------------------------------

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        inbound.append(data);
        if (last) {
            String message = inbound.toString();
            inbound.setLength(0);
            try {
                handle(message);
            } catch (RuntimeException e) {
                listener.malformedEvent();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (last) listener.malformedEvent();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (closed.get()) {
            webSocket.abort();
        } else {
            LOG.warn("OpenAI Realtime closed the conversation (code {})", statusCode);
            lost("disconnected");
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closed.get()) LOG.warn("OpenAI Realtime connection failed: {}", rootMessage(error));
        lost("disconnected");
    }

    // ---- events ------------------------------------------------------------------------------

    void handle(String message) {
        String type = JsonScan.string(message, "type");
        if (type == null) {
            listener.malformedEvent();
            return;
        }
        switch (type) {
            case "response.output_audio.delta", "response.audio.delta" -> {
                String delta = JsonScan.string(message, "delta");
                String item = JsonScan.string(message, "item_id");
                if (delta == null || item == null) listener.malformedEvent();
                else listener.assistantAudio(item, delta);
            }
            case "input_audio_buffer.speech_started" -> {
                Map<String, Object> e = parse(message);
                listener.callerSpeechStarted(str(e, "item_id"), num(e, "audio_start_ms"));
            }
            case "input_audio_buffer.speech_stopped" -> {
                Map<String, Object> e = parse(message);
                listener.callerSpeechStopped(str(e, "item_id"), num(e, "audio_end_ms"));
            }
            case "conversation.item.input_audio_transcription.completed" -> {
                Map<String, Object> e = parse(message);
                listener.callerTranscript(str(e, "item_id"), str(e, "transcript"), confidence(e.get("logprobs")));
            }
            case "response.output_audio_transcript.done", "response.audio_transcript.done" -> {
                Map<String, Object> e = parse(message);
                listener.assistantTranscript(str(e, "item_id"), str(e, "transcript"));
            }
            case "response.function_call_arguments.done" -> {
                Map<String, Object> e = parse(message);
                listener.toolCall(str(e, "call_id"), str(e, "name"), str(e, "arguments"));
            }
            case "response.done" -> listener.responseDone();
            case "error" -> {
                Map<String, Object> e = parse(message);
                Object error = e.get("error");
                if (error instanceof Map<?, ?> m) LOG.info("OpenAI Realtime error {} for event {}", m.get("code"), m.get("event_id"));
            }
            default -> {
                // session.*, conversation.item.*, response.* progress, rate_limits.updated: nothing to do
            }
        }
    }

    private Map<String, Object> parse(String message) {
        try {
            return json.readValue(message, Argument.mapOf(String.class, Object.class));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable event", e);
        }
    }

    private static String str(Map<String, Object> e, String key) {
        Object v = e.get(key);
        return v == null ? null : v.toString();
    }

    private static long num(Map<String, Object> e, String key) {
        return e.get(key) instanceof Number n ? n.longValue() : -1;
    }

    /** The recogniser's confidence: exp of the mean token log-probability; 1 when the model sent none. */
    static double confidence(Object logprobs) {
        if (!(logprobs instanceof List<?> list) || list.isEmpty()) return 1.0;
        double sum = 0;
        int n = 0;
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && m.get("logprob") instanceof Number p) {
                sum += p.doubleValue();
                n++;
            }
        }
        return n == 0 ? 1.0 : Math.exp(sum / n);
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
