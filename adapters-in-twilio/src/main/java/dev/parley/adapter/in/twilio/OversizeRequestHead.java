package dev.parley.adapter.in.twilio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Answers a request whose head Netty's codec refused for its size: a request line over the limit
 * ({@code micronaut.server.netty.max-initial-line-length}) gets 414, a header block over the limit
 * ({@code micronaut.server.netty.max-header-size}, 8 KiB) gets 431, both in the product's error shape
 * with the API's security headers, and the connection is closed (the codec discards the rest of it).
 * Without this, Micronaut answers such a request "413 Request body too large" outside its filter
 * chain, so without the security headers (probe of issue 13, item 8).
 *
 * <p>One instance per connection, right after the codec; every other message passes untouched.
 */
final class OversizeRequestHead extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(OversizeRequestHead.class);
    static final String NAME = "parley-oversize-request-head";

    /** Keep in step with {@code SecurityHeadersFilter} of the web adapter (API answers). */
    private static final String[][] SECURITY_HEADERS = {
            {"X-Content-Type-Options", "nosniff"},
            {"X-Frame-Options", "DENY"},
            {"Referrer-Policy", "no-referrer"},
            {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
            {"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
            {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
            {"Cache-Control", "no-store"},
    };

    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg); // whatever the codec still hands on before the close
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()
                && request.decoderResult().cause() instanceof TooLongFrameException tooLong) {
            refused = true;
            ReferenceCountUtil.release(msg);
            boolean line = tooLong instanceof TooLongHttpLineException;
            HttpResponseStatus status = line ? HttpResponseStatus.REQUEST_URI_TOO_LONG : HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            String detail = line ? "Request line too long" : "Request header fields too large (at most 8 KiB in total)";
            String code = line ? "request.uri-too-long" : "request.headers-too-large";
            LOG.warn("Refused a request from {}: {}", ctx.channel().remoteAddress(), detail);
            ctx.writeAndFlush(answer(status, detail, code)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    static FullHttpResponse answer(HttpResponseStatus status, String detail, String code) {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":" + status.code()
                + ",\"detail\":\"" + detail + "\",\"status_code\":" + status.code() + ",\"code\":\"" + code + "\"}";
        ByteBuf body = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        for (String[] header : SECURITY_HEADERS) headers.set(header[0], header[1]);
        return response;
    }
}
