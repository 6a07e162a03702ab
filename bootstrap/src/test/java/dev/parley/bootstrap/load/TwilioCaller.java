package dev.parley.bootstrap.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.parley.bootstrap.load.WsBytes.ascii;
import static dev.parley.bootstrap.load.WsBytes.put;
import static dev.parley.bootstrap.load.WsBytes.putDecimal;

/**
 * One simulated call: Twilio's side of a bidirectional media stream, as the only handler of its
 * Netty channel (WebSocket client handshake and RFC 6455 frames done here, no codec objects).
 * Media frames are written into a reused array from precomputed JSON parts (only sequenceNumber,
 * chunk, timestamp and the first 12 base64 characters vary), masked like a real client's and copied
 * once into a pooled buffer. Echoed {@code media} frames are scanned in bytes for the sequence
 * number in their payload; {@code mark}s are echoed at once, as Twilio does when nothing is queued.
 * Everything runs on the channel's event loop.
 */
final class TwilioCaller extends ByteToMessageDecoder implements WsBytes.FrameSink {
    static final int FRAME_BYTES = 160;
    private static final int RING = 4096;                        // 82 s of frames
    private static final byte[] MEDIA_A = ascii("{\"event\":\"media\",\"sequenceNumber\":\"");
    private static final byte[] MEDIA_C = ascii("\",\"timestamp\":\"");
    private static final byte[] MEDIA_D = ascii("\",\"payload\":\"");
    private static final byte[] MEDIA_E = WsBytes.constantAudioTail(FRAME_BYTES, "\"}}");
    private static final byte[] MARK_A = ascii("{\"event\":\"mark\",\"sequenceNumber\":\"");
    private static final byte[] MARK_C = ascii("\"}}");
    private static final byte[] EVENT = ascii("\"event\":");
    private static final byte[] PAYLOAD = ascii("\"payload\":");
    private static final byte[] NAME = ascii("\"name\":");
    private static final byte[] MEDIA = ascii("media\"");
    private static final byte[] MARK = ascii("mark\"");

    final CompletableFuture<TwilioCaller> up = new CompletableFuture<>();
    private final Map<?, CallerLoop> loops;
    private final String streamSid;
    private final String callSid;
    private final String callId;
    private final String token;
    private final String handshake;
    private final String expectedAccept;
    private final byte[] mediaB;
    private final byte[] markB;
    private final long[] sentAt = new long[RING];
    private final boolean[] counted = new boolean[RING];
    private byte[] out = new byte[1024];
    private final WsBytes.FrameReader frames = new WsBytes.FrameReader();
    private CallerLoop loop;
    private ChannelHandlerContext ctx;
    private boolean handshaken;
    private boolean closeSent;
    private boolean flushPending;
    private volatile boolean open;
    private long sequence;
    private long messages;

    TwilioCaller(Map<?, CallerLoop> loops, int number, String hostPort, String path, String signature, String callSid, String callId,
                 String token) {
        this.loops = loops;
        this.streamSid = String.format("MZ%032d", number);
        this.callSid = callSid;
        this.callId = callId;
        this.token = token;
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        this.expectedAccept = WsBytes.accept(key).toLowerCase(Locale.ROOT);
        this.handshake = "GET " + path + " HTTP/1.1\r\nHost: " + hostPort + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\nX-Twilio-Signature: " + signature + "\r\n\r\n";
        this.mediaB = ascii("\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"");
        this.markB = ascii("\",\"streamSid\":\"" + streamSid + "\",\"mark\":{\"name\":\"");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        this.loop = loops.get(ctx.channel().eventLoop());
        ctx.writeAndFlush(Unpooled.copiedBuffer(handshake, StandardCharsets.US_ASCII), ctx.voidPromise());
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> ignored) {
        if (!handshaken && !readHandshake(ctx, in)) return;
        frames.read(ctx, in, this);
    }

    private boolean readHandshake(ChannelHandlerContext ctx, ByteBuf in) {
        int end = WsBytes.endOfHead(in);
        if (end < 0) {
            if (in.readableBytes() > 16_384) fail(ctx, "handshake response too long");
            return false;
        }
        String head = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.US_ASCII);
        in.readerIndex(end + 4);
        String lower = head.toLowerCase(Locale.ROOT);
        if (!head.startsWith("HTTP/1.1 101") || !lower.contains("sec-websocket-accept: " + expectedAccept)) {
            fail(ctx, "handshake refused: " + head.lines().findFirst().orElse(""));
            return false;
        }
        handshaken = true;
        open = true;
        sendText(ctx, ascii("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}"));
        messages = 1;
        sendText(ctx, ascii("{\"event\":\"start\",\"sequenceNumber\":\"1\",\"streamSid\":\"" + streamSid + "\",\"start\":{\"accountSid\":\"ACload\","
                + "\"streamSid\":\"" + streamSid + "\",\"callSid\":\"" + callSid + "\",\"tracks\":[\"inbound\"],\"customParameters\":"
                + "{\"callId\":\"" + callId + "\",\"token\":\"" + token + "\"},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\","
                + "\"sampleRate\":8000,\"channels\":1}}}"));
        ctx.flush();
        loop.add(this);
        up.complete(this);
        return true;
    }

    private void fail(ChannelHandlerContext ctx, String why) {
        up.completeExceptionally(new IllegalStateException(why));
        ctx.close();
    }

    @Override
    public boolean control(ChannelHandlerContext ctx, int opcode, byte[] payload) {
        if (opcode == WsBytes.PING) {
            ctx.write(WsBytes.frame(ctx.alloc(), WsBytes.PONG, payload, payload.length, true), ctx.voidPromise());
            flushPending = true;
        } else if (opcode == WsBytes.CLOSE) {
            if (open) loop.stats.closedEarly++;
            open = false;
            if (!closeSent) {
                closeSent = true;
                byte[] code = payload.length >= 2 ? new byte[]{payload[0], payload[1]} : new byte[0];
                ctx.writeAndFlush(WsBytes.frame(ctx.alloc(), WsBytes.CLOSE, code, code.length, true));
            }
            ctx.close();
        }
        return true;
    }

    private void sendText(ChannelHandlerContext ctx, byte[] json) {
        ctx.write(WsBytes.frame(ctx.alloc(), WsBytes.TEXT, json, json.length, true), ctx.voidPromise());
    }

    /** On the loop, every 20 ms: the next 20 ms μ-law frame, stamped with its sequence number. */
    void sendMedia() {
        if (!open) return;
        long seq = ++sequence;
        byte[] o = out;
        int p = put(o, 0, MEDIA_A);
        p = putDecimal(o, p, ++messages);
        p = put(o, p, mediaB);
        p = putDecimal(o, p, seq);
        p = put(o, p, MEDIA_C);
        p = putDecimal(o, p, seq * 20);
        p = put(o, p, MEDIA_D);
        p = WsBytes.putSequenceBase64(o, p, seq);
        p = put(o, p, MEDIA_E);
        int slot = (int) (seq & (RING - 1));
        long now = System.nanoTime();
        boolean inWindow = loop.window.contains(now);
        sentAt[slot] = now;
        counted[slot] = inWindow;
        if (inWindow) loop.stats.sent++;
        ctx.writeAndFlush(WsBytes.frame(ctx.alloc(), WsBytes.TEXT, o, p, true), ctx.voidPromise());
    }

    @Override
    public void text(ChannelHandlerContext ctx, byte[] b, int len) {
        int e = WsBytes.valueAfter(b, 0, len, EVENT);
        if (WsBytes.startsWith(b, e, len, MEDIA)) {
            long now = System.nanoTime();
            int v = WsBytes.valueAfter(b, e, len, PAYLOAD);
            long seq = v < 0 || v + 12 > len ? -1 : WsBytes.sequenceOf(b, v);
            if (seq < 1 || seq > sequence || seq <= sequence - RING) {
                loop.stats.unexpected++;
                return;
            }
            int slot = (int) (seq & (RING - 1));
            if (!counted[slot]) return;                          // outside the window, or a duplicate
            counted[slot] = false;
            loop.stats.record(now - sentAt[slot]);
        } else if (WsBytes.startsWith(b, e, len, MARK)) {
            int v = WsBytes.valueAfter(b, e, len, NAME);
            int end = v < 0 ? -1 : WsBytes.indexOf(b, v, len, (byte) '"');
            if (end < 0 || !open) return;
            int need = MARK_A.length + 20 + markB.length + (end - v) + MARK_C.length;
            if (need > out.length) out = new byte[need];
            byte[] o = out;
            int p = put(o, 0, MARK_A);
            p = putDecimal(o, p, ++messages);
            p = put(o, p, markB);
            System.arraycopy(b, v, o, p, end - v);
            p = put(o, p + (end - v), MARK_C);
            ctx.write(WsBytes.frame(ctx.alloc(), WsBytes.TEXT, o, p, true), ctx.voidPromise());
            flushPending = true;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
        super.channelReadComplete(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (open && loop != null) loop.stats.closedEarly++;
        open = false;
        up.completeExceptionally(new IllegalStateException("closed before the handshake"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        up.completeExceptionally(cause);
        ctx.close();
    }

    /** On the loop: Twilio's {@code stop} and a close frame; the channel closes on the server's answer (or after 5 s). */
    void stop() {
        if (!open) return;
        open = false;
        sendText(ctx, ascii("{\"event\":\"stop\",\"sequenceNumber\":\"" + (++messages) + "\",\"streamSid\":\"" + streamSid
                + "\",\"stop\":{\"accountSid\":\"ACload\",\"callSid\":\"" + callSid + "\"}}"));
        closeSent = true;
        byte[] normal = {0x03, (byte) 0xE8};
        ctx.writeAndFlush(WsBytes.frame(ctx.alloc(), WsBytes.CLOSE, normal, 2, true));
        ctx.executor().schedule(() -> ctx.close(), 5, TimeUnit.SECONDS);
    }

    boolean isOpen() {
        return open;
    }
}
