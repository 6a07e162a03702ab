package dev.parley.adapter.out.openai;

import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.domain.usage.TokenUsage;
import dev.parley.application.conversation.port.out.ConversationSession;
import dev.parley.application.shared.Json;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Realtime conversation: one Netty WebSocket channel, and the last handler of its pipeline.
 * Everything about the connection happens on the channel's event loop ({@link #loop}): sends made
 * there are written at once, sends from other threads hop over with {@code loop.execute} (so a
 * thread's sends keep their order), and the listener is called there. Until the handshake is done,
 * messages wait in {@link #pending} (at most {@link #MAX_QUEUED}) behind the session.update, then go
 * out in order. When the socket is not writable (the model is not reading), caller audio is dropped;
 * control messages never are. Audio deltas are read with a field scan, not a JSON tree; rarer events
 * are parsed fully.
 */
final class OpenAiRealtimeSession extends ChannelInboundHandlerAdapter implements ConversationSession {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiRealtimeSession.class);
    static final int MAX_QUEUED = 2_000;
    /** How long a closing session waits for the server's answer to its close frame. */
    static final long CLOSE_GRACE_MILLIS = 2_000;
    private static final String AUDIO_HEAD = "{\"type\":\"input_audio_buffer.append\",\"audio\":\"";
    private static final String AUDIO_TAIL = "\"}";
    private static final byte[] AUDIO_HEAD_BYTES = AUDIO_HEAD.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUDIO_TAIL_BYTES = AUDIO_TAIL.getBytes(StandardCharsets.US_ASCII);

    /** Where the connection stands; read and written on the loop only. */
    private enum State { CONNECTING, OPEN, CLOSING, ENDED }

    private final ConversationListener listener;
    private final JsonMapper json;
    private final EventLoop loop;
    private final boolean sideband;
    /** Set, from any thread, by {@link #close()} or a fault: later sends are ignored, and no fault is reported after it. */
    private final AtomicBoolean closed = new AtomicBoolean();
    // loop-confined
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private State state = State.CONNECTING;
    private ScheduledFuture<?> closeTimer;
    /** Audio is being dropped (the socket has not been writable since the last drop). */
    private boolean dropping;
    private volatile Channel channel;
    private volatile long droppedAudio;

    /** @param sessionUpdate the first message, sent as soon as the handshake is done */
    OpenAiRealtimeSession(ConversationListener listener, JsonMapper json, EventLoop loop, String sessionUpdate) {
        this(listener, json, loop, sessionUpdate, false);
    }

    /**
     * @param sideband attached to a call whose audio flows elsewhere (a WebRTC call): the service closing it is the end of
     *                 the call, not a fault
     */
    OpenAiRealtimeSession(ConversationListener listener, JsonMapper json, EventLoop loop, String sessionUpdate, boolean sideband) {
        this.listener = listener;
        this.json = json;
        this.loop = loop;
        this.sideband = sideband;
        pending.add(sessionUpdate);
    }

    EventLoop loop() {
        return loop;
    }

    /** The socket, once connecting has begun; null before. */
    Channel channel() {
        return channel;
    }

    /** Caller audio frames dropped because the socket was not writable. */
    long droppedAudio() {
        return droppedAudio;
    }

    /** Starts connecting; on the loop. Does nothing when the session was closed first. */
    void connect(Bootstrap bootstrap, SocketAddress address) {
        if (state != State.CONNECTING) return;
        ChannelFuture connecting = bootstrap.connect(address);
        channel = connecting.channel();
        connecting.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) onLoop(() -> unreachable(f.cause()));
        });
    }

    /** The service could not be reached (no address, no connection, no handshake); on the loop. */
    void unreachable(Throwable cause) {
        if (!closed.get()) LOG.warn("OpenAI Realtime unreachable: {}", rootMessage(cause));
        lost("unreachable");
    }

    // ---- ConversationSession -----------------------------------------------------------------

    @Override
    public void appendAudio(String base64Payload) {
        if (closed.get()) return;
        if (loop.inEventLoop()) writeAudio(base64Payload);
        else hop(() -> writeAudio(base64Payload));
    }

    @Override
    public void truncate(String itemId, long audioEndMs) {
        send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + Json.escape(itemId) + "\",\"content_index\":0,\"audio_end_ms\":"
                + Math.max(0, audioEndMs) + "}");
    }

    @Override
    public void toolResult(String callId, String outputJson, boolean respond) {
        send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\"" + Json.escape(callId)
                + "\",\"output\":\"" + Json.escape(outputJson) + "\"}}");
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

    /**
     * Ends the conversation quietly: once connected, a 1000 close frame follows what was sent before,
     * and the socket closes when the server answers it or after {@link #CLOSE_GRACE_MILLIS}; before
     * that, connecting is abandoned and what waited is dropped.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        if (loop.inEventLoop()) closeOnLoop();
        else hop(this::closeOnLoop);
    }

    /** A control message: never dropped for backpressure. */
    void send(String message) {
        if (closed.get()) return;
        if (loop.inEventLoop()) writeText(message);
        else hop(() -> writeText(message));
    }

    private void hop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // the loop is shutting down, and this socket with it
        }
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) task.run();
        else hop(task);
    }

    private void writeAudio(String base64Payload) {
        if (state == State.OPEN) {
            Channel ch = channel;
            if (!ch.isWritable()) {
                droppedAudio++; // one writer: the loop
                if (!dropping) LOG.debug("OpenAI Realtime socket not writable: dropping caller audio");
                dropping = true;
                return;
            }
            // straight into one pooled buffer: base64 is ASCII
            ByteBuf buf = ch.alloc().buffer(AUDIO_HEAD_BYTES.length + base64Payload.length() + AUDIO_TAIL_BYTES.length);
            buf.writeBytes(AUDIO_HEAD_BYTES);
            ByteBufUtil.writeAscii(buf, base64Payload);
            buf.writeBytes(AUDIO_TAIL_BYTES);
            ch.writeAndFlush(new TextWebSocketFrame(buf), ch.voidPromise());
        } else if (state == State.CONNECTING) {
            enqueue(AUDIO_HEAD + base64Payload + AUDIO_TAIL);
        }
    }

    private void writeText(String message) {
        if (state == State.OPEN) {
            Channel ch = channel;
            ch.writeAndFlush(new TextWebSocketFrame(ByteBufUtil.writeUtf8(ch.alloc(), message)), ch.voidPromise());
        } else if (state == State.CONNECTING) {
            enqueue(message);
        }
    }

    private void enqueue(String message) {
        if (pending.size() >= MAX_QUEUED) {
            LOG.debug("OpenAI Realtime not connected yet and {} messages waiting: message dropped", MAX_QUEUED);
            return; // dropping is better than growing without bound
        }
        pending.add(message);
    }

    private void closeOnLoop() {
        switch (state) {
            case CONNECTING -> {
                ended();
                Channel ch = channel;
                if (ch != null) ch.close();
            }
            case OPEN -> {
                state = State.CLOSING;
                Channel ch = channel;
                ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE.code(), "call ended"), ch.voidPromise());
                closeTimer = loop.schedule(() -> {
                    ch.close();
                }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
            default -> {
                // closing or gone already
            }
        }
    }

    /** The connection failed or dropped without us closing it; on the loop. */
    private void lost(String reason) {
        ended();
        Channel ch = channel;
        if (ch != null) ch.close();
        if (closed.compareAndSet(false, true)) listener.closed(reason, true);
    }

    /** The service closed a sideband: the call it watched is over; on the loop. */
    private void finished() {
        ended();
        Channel ch = channel;
        if (ch != null) ch.close();
        if (closed.compareAndSet(false, true)) listener.closed("ended", false);
    }

    private void ended() {
        state = State.ENDED;
        pending.clear();
        if (closeTimer != null) closeTimer.cancel(false);
    }

    // ---- channel events (on the loop) ----------------------------------------------------------

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE && state == State.CONNECTING) {
            state = State.OPEN;
            Channel ch = ctx.channel();
            for (String message = pending.poll(); message != null; message = pending.poll())
                ch.write(new TextWebSocketFrame(ByteBufUtil.writeUtf8(ch.alloc(), message)), ch.voidPromise());
            ch.flush();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame text) {
                if (closed.get()) return;
                String message = text.text();
                try {
                    handle(message);
                } catch (RuntimeException e) {
                    listener.malformedEvent();
                }
            } else if (msg instanceof CloseWebSocketFrame frame) {
                if (sideband) {
                    finished(); // the browser's call is over
                    return;
                }
                if (!closed.get()) LOG.warn("OpenAI Realtime closed the conversation (code {})", frame.statusCode());
                lost("disconnected"); // quiet when we closed first: the answer to our close frame
            } else if (msg instanceof BinaryWebSocketFrame) {
                if (!closed.get()) listener.malformedEvent();
            }
            // continuation frames arrive aggregated; pings are answered and pongs dropped before this handler
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (dropping && ctx.channel().isWritable()) {
            dropping = false;
            LOG.debug("OpenAI Realtime socket writable again ({} caller audio frames dropped in this call so far)", droppedAudio);
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        State was = state;
        if (!closed.get()) LOG.warn("OpenAI Realtime connection {}", was == State.CONNECTING ? "closed during the handshake" : "dropped");
        lost(was == State.CONNECTING ? "unreachable" : "disconnected");
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.OPEN && cause instanceof TooLongFrameException) {
            // a message over the aggregator's limit: it is skipped, the connection goes on
            if (!closed.get()) listener.malformedEvent();
            return;
        }
        if (state == State.CONNECTING) {
            unreachable(cause);
            return;
        }
        if (!closed.get()) LOG.warn("OpenAI Realtime connection failed: {}", rootMessage(cause));
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
            case "response.done" -> {
                // once per response, so a full parse is fine here; the usage block is optional (a cancelled response may lack it)
                TokenUsage usage = usage(parse(message).get("response"));
                if (usage != null) listener.responseUsage(usage);
                listener.responseDone();
            }
            case "output_audio_buffer.started" -> listener.assistantPlayback(true);
            case "output_audio_buffer.stopped", "output_audio_buffer.cleared" -> listener.assistantPlayback(false);
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

    /**
     * The token counts of a {@code response.done}'s {@code response.usage}: input and output, text and audio, and the cached
     * part of the input ({@code cached_tokens_details}; a bare {@code cached_tokens} counts as text). Null without a usage block.
     */
    static TokenUsage usage(Object response) {
        if (!(response instanceof Map<?, ?> r) || !(r.get("usage") instanceof Map<?, ?> u)) return null;
        Map<?, ?> in = u.get("input_token_details") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> out = u.get("output_token_details") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> cached = in.get("cached_tokens_details") instanceof Map<?, ?> m ? m : null;
        long inText = count(in, "text_tokens");
        long inAudio = count(in, "audio_tokens");
        if (in.isEmpty()) inText = count(u, "input_tokens");
        long cachedText = cached != null ? count(cached, "text_tokens") : count(in, "cached_tokens");
        long cachedAudio = cached != null ? count(cached, "audio_tokens") : 0;
        long outText = count(out, "text_tokens");
        long outAudio = count(out, "audio_tokens");
        if (out.isEmpty()) outText = count(u, "output_tokens");
        return new TokenUsage(inText, inAudio, cachedText, cachedAudio, outText, outAudio);
    }

    private static long count(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? Math.max(0, n.longValue()) : 0;
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

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
