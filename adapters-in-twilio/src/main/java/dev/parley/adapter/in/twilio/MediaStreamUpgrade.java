package dev.parley.adapter.in.twilio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Sits right after the HTTP/1 server codec of every connection and lets every HTTP object through
 * untouched, except a WebSocket upgrade ({@code GET} with {@code Upgrade: websocket}) of
 * {@code /media-stream} or {@code /media-stream/{scenario}} (query ignored). That request never
 * reaches Micronaut: its content is swallowed, Micronaut's handlers after this one are removed,
 * Netty's handshaker answers 101 (no subprotocol, no extension, frames up to 64 KiB), and this
 * handler is replaced by a {@link WebSocketFrameAggregator} (for fragmented text) and the
 * connection's {@link TwilioMediaStream}. A handshake that cannot be done (no key, an unsupported
 * version) is answered 400 or 426 and the connection is closed.
 *
 * <p>One instance per connection; it only ever runs on the connection's event loop.
 */
final class MediaStreamUpgrade extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(MediaStreamUpgrade.class);
    static final String NAME = "parley-media-stream-upgrade";
    static final String PATH = "/media-stream";
    /** The largest frame, and the largest message of fragments, a media stream accepts. */
    static final int MAX_FRAME_PAYLOAD = 64 * 1024;
    /** Above this many unsent bytes the stream drops audio rather than queue more (see {@link TwilioMediaStream#sendAudio}). */
    static final WriteBufferWaterMark WRITE_BUFFER = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);
    private static final WebSocketDecoderConfig DECODER = WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(MAX_FRAME_PAYLOAD)
            .allowExtensions(false)
            .build();

    private final BiFunction<Channel, HttpRequest, TwilioMediaStream> streams;
    /** The upgrade request whose content is being swallowed, until its last part. */
    private HttpRequest upgrading;

    /** @param streams makes the stream handler of an upgraded connection, or null when no more streams may wait for their start */
    MediaStreamUpgrade(BiFunction<Channel, HttpRequest, TwilioMediaStream> streams) {
        this.streams = streams;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (upgrading != null) {
            boolean last = msg instanceof LastHttpContent;
            ReferenceCountUtil.release(msg);
            if (last) handshake(ctx);
            return;
        }
        if (msg instanceof HttpRequest request && isMediaStreamUpgrade(request)) {
            upgrading = request;
            leaveMicronaut(ctx);
            boolean last = msg instanceof LastHttpContent;
            ReferenceCountUtil.release(msg);
            if (last) handshake(ctx);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    static boolean isMediaStreamUpgrade(HttpRequest request) {
        return HttpMethod.GET.equals(request.method()) && isMediaStreamPath(request.uri())
                && request.decoderResult().isSuccess()
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    /** {@code /media-stream} or {@code /media-stream/{one segment}}, origin or absolute form, query and fragment ignored. */
    static boolean isMediaStreamPath(String uri) {
        int start = 0;
        if (!uri.startsWith("/")) {
            int scheme = uri.indexOf("://");
            if (scheme < 0) return false;
            start = uri.indexOf('/', scheme + 3);
            if (start < 0) return false;
        }
        if (!uri.startsWith(PATH, start)) return false;
        int end = uri.length();
        for (int i = start; i < end; i++) {
            char c = uri.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int rest = start + PATH.length();
        if (rest == end) return true;
        if (rest > end || uri.charAt(rest) != '/') return false;
        int segment = rest + 1;
        if (segment == end) return false;
        for (int i = segment; i < end; i++) {
            if (uri.charAt(i) == '/') return false;
        }
        return true;
    }

    /**
     * The connection is ours from now on: Micronaut's handlers after this one (access log, outbound
     * handlers, WebSocket compression, aggregator, request pipelining and routing) go, and the
     * channel reads on its own (Micronaut's pipelining handler had turned auto-read off).
     */
    private static void leaveMicronaut(ChannelHandlerContext ctx) {
        ChannelPipeline pipeline = ctx.pipeline();
        List<String> names = pipeline.names();
        for (int i = names.indexOf(ctx.name()) + 1; i < names.size(); i++) {
            String name = names.get(i);
            // names() ends with the tail, which has no context to remove; a removed handler may take others with it
            if (pipeline.context(name) != null) pipeline.remove(name);
        }
        ctx.channel().config().setAutoRead(true);
    }

    private void handshake(ChannelHandlerContext ctx) {
        HttpRequest request = upgrading;
        upgrading = null;
        Channel channel = ctx.channel();
        FullHttpRequest full = new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri(),
                Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE);
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(request.uri(), null, DECODER).newHandshaker(full);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        TwilioMediaStream stream = streams.apply(channel, request);
        if (stream == null) {
            refuse(ctx, HttpResponseStatus.TOO_MANY_REQUESTS, "Too many media streams are waiting for their start frame");
            return;
        }
        try {
            handshaker.handshake(channel, full).addListener((ChannelFutureListener) done -> {
                if (!done.isSuccess()) {
                    LOG.debug("Media stream handshake not written: {}", done.cause().toString());
                    done.channel().close();
                }
            });
        } catch (WebSocketHandshakeException e) {
            stream.released();
            LOG.debug("Media stream handshake refused: {}", e.getMessage());
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Not a valid WebSocket handshake");
            return;
        }
        channel.config().setWriteBufferWaterMark(WRITE_BUFFER);
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.replace(this, TwilioMediaStream.NAME, stream);
        pipeline.addBefore(TwilioMediaStream.NAME, "parley-media-stream-aggregator", new WebSocketFrameAggregator(MAX_FRAME_PAYLOAD));
    }

    /**
     * A media-stream upgrade refused before the handshake, in the error shape, and the connection ends:
     * 400 when Netty's handshaker refused it (no key, no {@code Connection: upgrade}), 429 when too many
     * sockets already wait for their start frame.
     */
    private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String detail) {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":" + status.code()
                + ",\"detail\":\"" + detail + "\",\"status_code\":" + status.code() + "}").getBytes(StandardCharsets.US_ASCII);
        ByteBuf content = ctx.alloc().buffer(body.length).writeBytes(body);
        FullHttpResponse response = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1, status, content);
        if (status.equals(HttpResponseStatus.TOO_MANY_REQUESTS)) response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
