package dev.parley.adapter.in.twilio;

import dev.parley.application.conversation.port.in.MediaStreamHandler;
import dev.parley.application.conversation.port.in.OpenLiveCallUseCase;
import dev.parley.application.conversation.port.out.CarrierStream;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Twilio media stream, as the last handler of its channel's pipeline once the WebSocket
 * handshake is done ({@link MediaStreamUpgrade}), and the way back to Twilio for its call.
 *
 * <p>Everything inbound runs on the channel's event loop and never blocks, so the stream's own
 * state needs no lock. Its phases: AWAITING_START (a {@code connected} frame is skipped, anything
 * else but {@code start} is counted, and more than ten such frames end the stream, as does no
 * {@code start} within the start timeout; see {@link MediaStreamAdmission}), OPENING (the
 * {@code start} frame's one-time token is redeemed on the blocking executor; up to
 * {@value #MAX_BUFFERED_FRAMES} frames arriving meanwhile wait, and are replayed in order on the
 * event loop once the call is open), LIVE (frames are read with {@link TwilioFrames} field scans, the
 * audio payload passes through as is) and ENDED. A stream without a valid token is closed with 1008
 * before any model connection is opened. Binary frames are malformed frames. A frame the decoder
 * refuses (over 64 KiB, corrupt, not UTF-8) ends this stream alone, with the close code that says why.
 *
 * <p>Outbound ({@link CarrierStream}), frames are built as ASCII straight into a pooled buffer and
 * may be written from any thread (the model's connection, the console's human takeover); Netty
 * keeps one thread's writes in order. Audio is dropped, and counted, while the channel is over its
 * write-buffer high-water mark. {@link #executor()} offers the event loop to the model connection.
 */
final class TwilioMediaStream extends ChannelInboundHandlerAdapter implements CarrierStream {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioMediaStream.class);
    static final String NAME = "parley-media-stream";
    static final int MAX_BUFFERED_FRAMES = 500;
    /** Frames other than {@code connected} a stream may send before its {@code start}; one more and it is refused. */
    static final int MAX_FRAMES_BEFORE_START = 10;
    /** A binary frame reads as an empty text frame: it has no event, so it is counted as malformed in every phase. */
    private static final String BINARY = "";
    /** What follows the payload of a media frame and the name of a mark frame. */
    private static final byte[] TAIL = ascii("\"}}");
    private static final Close NORMAL = new Close(1000, "Normal Closure");
    private static final Close GOING_AWAY = new Close(1001, "Going Away");
    private static final Close POLICY_VIOLATION = new Close(1008, "Policy Violation");
    private static final Close MESSAGE_TOO_BIG = new Close(1009, "Message Too Big");
    private static final Close INTERNAL_ERROR = new Close(1011, "Internal Error");

    private final Channel channel;
    private final OpenLiveCallUseCase openLiveCall;
    private final Executor blocking;
    private final JsonMapper json;
    private final AtomicLong droppedAudio = new AtomicLong();
    private final MediaStreamStats stats;
    /** This handler's place in the pipeline, once added: frames written on the loop start from here. */
    private volatile ChannelHandlerContext context;
    /** A flush of this stream's frames is queued on its loop (read and written on the loop only). */
    private boolean flushPending;
    private final Runnable flush = this::flushNow;

    // ---- confined to the event loop ----
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private Phase phase = Phase.AWAITING_START;
    private MediaStreamHandler handler;
    private int malformedBeforeStart;
    private boolean closeSent;

    /** The outgoing frames' fixed parts, with the stream's SID; replaced once, before the call is opened. */
    private volatile Outgoing outgoing = new Outgoing("");

    private enum Phase { AWAITING_START, OPENING, LIVE, ENDED }

    /** Releases this socket's place among those awaiting {@code start} ({@link MediaStreamAdmission}); idempotent. */
    private final Runnable startAwaited;
    private final Duration startTimeout;

    TwilioMediaStream(Channel channel, OpenLiveCallUseCase openLiveCall, Executor blocking, JsonMapper json) {
        this(channel, openLiveCall, blocking, json, () -> {
        }, Duration.ofSeconds(10), new MediaStreamStats());
    }

    /**
     * @param startAwaited called (possibly more than once) when the stream stops waiting for its start frame
     * @param startTimeout how long the socket may stay open without presenting a start frame
     * @param stats where dropped audio is counted for the metrics
     */
    TwilioMediaStream(Channel channel, OpenLiveCallUseCase openLiveCall, Executor blocking, JsonMapper json,
                      Runnable startAwaited, Duration startTimeout, MediaStreamStats stats) {
        this.stats = stats;
        this.channel = channel;
        this.openLiveCall = openLiveCall;
        this.blocking = blocking;
        this.json = json;
        this.startAwaited = startAwaited;
        this.startTimeout = startTimeout;
    }

    /** The handshake failed before this stream was put in the pipeline: it never waits for a start frame. */
    void released() {
        startAwaited.run();
    }

    // ---- inbound, on the event loop ----

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        // connected frames and pings do not count: only a start frame with a valid token keeps the socket
        ctx.executor().schedule(() -> {
            if (phase == Phase.AWAITING_START) refuse("no start frame within " + startTimeout.toSeconds() + " s");
        }, startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TextWebSocketFrame text) {
            String message;
            try {
                message = text.content().toString(StandardCharsets.UTF_8);
            } finally {
                text.release();
            }
            frame(message);
        } else if (msg instanceof BinaryWebSocketFrame binary) {
            binary.release();
            frame(BINARY);
        } else if (msg instanceof PingWebSocketFrame ping) {
            if (closeSent) ping.release(); // nothing follows our close frame
            else ctx.writeAndFlush(new PongWebSocketFrame(ping.content()), ctx.voidPromise());
        } else if (msg instanceof CloseWebSocketFrame close) {
            ended();
            if (closeSent) {
                close.release();
                ctx.close();
            } else {
                // the closing handshake: the peer's status goes back, then the connection closes
                closeSent = true;
                ctx.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
            }
        } else {
            // pongs, and continuation frames the aggregator has already joined
            ReferenceCountUtil.release(msg);
        }
    }

    /**
     * A live Twilio stream sends a frame every 20 ms, so a connection the server's idle timer finds
     * silent for reading (micronaut.server.read-idle-timeout / idle-timeout) is a dead peer, a
     * half-open connection no packet will ever end: the call ends and the connection closes.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle && idle.state() != IdleState.WRITER_IDLE) {
            LOG.info("Media stream silent for longer than the idle timeout ({}): ending its call", idle.state());
            ended();
            closeWith(GOING_AWAY);
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ended();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException corrupt) {
            // the decoder has already sent the close frame with its status and closes the connection
            LOG.debug("Media stream frame refused ({}): {}", corrupt.closeStatus(), corrupt.getMessage());
            closeSent = true;
            ended();
        } else if (cause instanceof TooLongFrameException) {
            LOG.debug("Media stream message over the limit: {}", cause.getMessage());
            ended();
            closeWith(MESSAGE_TOO_BIG);
        } else if (cause instanceof IOException) {
            // a reset connection, or a write after the close: the channel is (being) closed
            LOG.debug("Media stream connection error: {}", cause.toString());
            ended();
            ctx.close();
        } else {
            LOG.warn("Media stream failed: {}", cause.toString());
            ended();
            closeWith(INTERNAL_ERROR);
        }
    }

    private void frame(String message) {
        switch (phase) {
            case LIVE -> live(message);
            case AWAITING_START -> awaitingStart(message);
            case OPENING -> {
                if (waiting.size() < MAX_BUFFERED_FRAMES) waiting.addLast(message);
            }
            case ENDED -> {
                // late frames of a finished stream
            }
        }
    }

    private void live(String message) {
        MediaStreamHandler h = handler;
        String event = TwilioFrames.string(message, "event");
        if (event == null) {
            h.malformedFrame();
            return;
        }
        switch (event) {
            case "media" -> {
                // payload and timestamp only occur inside the media object of a media frame
                String payload = TwilioFrames.string(message, "payload");
                long timestamp = TwilioFrames.number(TwilioFrames.string(message, "timestamp"));
                if (payload == null || !TwilioFrames.isBase64(payload)) h.malformedFrame();
                else h.callerAudio(payload, Math.max(0, timestamp));
            }
            case "mark" -> {
                String name = TwilioFrames.string(message, "name");
                if (name == null) h.malformedFrame();
                else h.markPlayed(name);
            }
            case "stop" -> {
                ended();
                closeWith(NORMAL);
            }
            case "connected", "start", "dtmf" -> {
                // nothing to do mid-stream
            }
            default -> h.malformedFrame();
        }
    }

    private void awaitingStart(String message) {
        String event = TwilioFrames.string(message, "event");
        if ("connected".equals(event)) return;
        if (!"start".equals(event)) {
            malformedBeforeStart++;
            if (malformedBeforeStart > MAX_FRAMES_BEFORE_START) refuse("no start frame");
            return;
        }
        Map<String, Object> frame;
        try {
            frame = json.readValue(message, Argument.mapOf(String.class, Object.class));
        } catch (Exception e) {
            refuse("unreadable start frame");
            return;
        }
        Map<?, ?> start = frame.get("start") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> custom = start.get("customParameters") instanceof Map<?, ?> m ? m : Map.of();
        Object sid = start.get("streamSid") != null ? start.get("streamSid") : frame.get("streamSid");
        String streamSid = sid == null ? "" : sid.toString().replaceAll("[^A-Za-z0-9]", "");
        outgoing = new Outgoing(streamSid);
        var command = new OpenLiveCallUseCase.OpenLiveCallCommand(text(custom.get("callId")), text(custom.get("token")),
                text(start.get("callSid")), streamSid);
        if (command.token() == null || command.callId() == null) {
            refuse("no stream token");
            return;
        }
        phase = Phase.OPENING;
        startAwaited.run();
        try {
            blocking.execute(() -> open(command));
        } catch (RejectedExecutionException e) {
            refuse("shutting down");
        }
    }

    /** On the blocking executor: redeems the token (the database) and hands the outcome back to the event loop. */
    private void open(OpenLiveCallUseCase.OpenLiveCallCommand command) {
        Optional<MediaStreamHandler> opened;
        try {
            opened = openLiveCall.open(command, this);
        } catch (RuntimeException e) {
            LOG.warn("Could not open a live call: {}", e.toString());
            opened = Optional.empty();
        }
        Optional<MediaStreamHandler> outcome = opened;
        try {
            channel.eventLoop().execute(() -> opened(outcome));
        } catch (RejectedExecutionException e) {
            // the server is stopping: the call ends with its connection
            outcome.ifPresent(MediaStreamHandler::carrierStopped);
        }
    }

    private void opened(Optional<MediaStreamHandler> opened) {
        if (opened.isEmpty()) {
            refuse("invalid, expired or reused stream token");
            return;
        }
        if (phase == Phase.ENDED) {
            // the caller went away while the token was redeemed
            opened.get().carrierStopped();
            return;
        }
        handler = opened.get();
        phase = Phase.LIVE;
        // the frames that arrived meanwhile, in order; a replayed stop ends the replay
        while (phase == Phase.LIVE && !waiting.isEmpty()) live(waiting.pollFirst());
        waiting.clear();
    }

    private void refuse(String why) {
        LOG.warn("Media stream refused: {}", why);
        phase = Phase.ENDED;
        startAwaited.run();
        waiting.clear();
        closeWith(POLICY_VIOLATION);
    }

    /** The stream is over: its call hears of it once, whatever ended it. */
    private void ended() {
        startAwaited.run();
        if (phase == Phase.ENDED) return;
        MediaStreamHandler h = handler;
        phase = Phase.ENDED;
        waiting.clear();
        long dropped = droppedAudio.get();
        if (dropped > 0) LOG.debug("Media stream {} ended; {} audio frames were dropped while it could not keep up", outgoing.streamSid, dropped);
        if (h != null) h.carrierStopped();
    }

    /** Sends a close frame (once) and closes the connection once it is written. On the event loop. */
    private void closeWith(Close close) {
        if (closeSent) return;
        closeSent = true;
        if (!channel.isActive()) return;
        channel.writeAndFlush(new CloseWebSocketFrame(close.code, close.reason)).addListener(ChannelFutureListener.CLOSE);
    }

    /** A close status and the reason text Twilio has always received with it. */
    private record Close(int code, String reason) {
    }

    // ---- CarrierStream: back to Twilio, from any thread ----


    /**
     * Writes a frame to Twilio. On the event loop the flush waits for the end of the loop's current
     * round of work (one task, queued once), so frames produced together (audio and its mark, a burst
     * of model audio read in one go) leave in one write; from any other thread it flushes at once.
     */
    private void flushNow() {
        flushPending = false;
        ChannelHandlerContext c = context;
        if (c != null) c.flush();
        else channel.flush();
    }

    private void emit(TextWebSocketFrame frame) {
        EventLoop loop = channel.eventLoop();
        ChannelHandlerContext c = context;
        if (c == null || !loop.inEventLoop()) {
            channel.writeAndFlush(frame, channel.voidPromise());
            return;
        }
        c.write(frame, c.voidPromise()); // this handler is the pipeline's last: from here the frame goes to the encoder
        if (!flushPending) {
            flushPending = true;
            loop.execute(flush);
        }
    }

    @Override
    public void sendAudio(String base64Payload) {
        if (!channel.isActive()) return;
        Outgoing out = outgoing;
        if (!channel.isWritable()) {
            // Twilio is not reading fast enough: losing audio beats holding it without bound
            stats.droppedOut();
            if (droppedAudio.getAndIncrement() == 0) {
                LOG.debug("Media stream {} is over its write buffer: dropping audio until it drains", out.streamSid);
            }
            return;
        }
        ByteBuf buf = channel.alloc().buffer(out.mediaHead.length + base64Payload.length() + TAIL.length);
        buf.writeBytes(out.mediaHead);
        ByteBufUtil.writeAscii(buf, base64Payload);
        buf.writeBytes(TAIL);
        emit(new TextWebSocketFrame(buf));
    }

    @Override
    public void sendMark(String name) {
        if (!channel.isActive()) return;
        Outgoing out = outgoing;
        ByteBuf buf = channel.alloc().buffer(out.markHead.length + name.length() + TAIL.length);
        buf.writeBytes(out.markHead);
        ByteBufUtil.writeAscii(buf, name);
        buf.writeBytes(TAIL);
        emit(new TextWebSocketFrame(buf));
    }

    @Override
    public void clear() {
        if (!channel.isActive()) return;
        byte[] frame = outgoing.clear;
        ByteBuf buf = channel.alloc().buffer(frame.length);
        buf.writeBytes(frame);
        emit(new TextWebSocketFrame(buf));
    }

    @Override
    public void close() {
        if (channel.eventLoop().inEventLoop()) closeWith(NORMAL);
        else channel.eventLoop().execute(() -> closeWith(NORMAL));
    }

    /** The channel's event loop: every inbound frame of this stream arrives on it. */
    @Override
    public Executor executor() {
        return channel.eventLoop();
    }

    /** Audio frames dropped because the connection was over its write-buffer high-water mark. */
    long droppedAudio() {
        return droppedAudio.get();
    }

    /** The fixed ASCII parts of the frames we send, the stream's SID (sanitised to letters and digits) included. */
    private static final class Outgoing {
        final String streamSid;
        final byte[] mediaHead;
        final byte[] markHead;
        final byte[] clear;

        Outgoing(String streamSid) {
            this.streamSid = streamSid;
            this.mediaHead = ascii("{\"event\":\"media\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"payload\":\"");
            this.markHead = ascii("{\"event\":\"mark\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"");
            this.clear = ascii("{\"event\":\"clear\",\"streamSid\":\"" + streamSid + "\"}");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
