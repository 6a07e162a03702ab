package dev.parley.bootstrap.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.parley.bootstrap.load.WsBytes.ascii;
import static dev.parley.bootstrap.load.WsBytes.put;
import static dev.parley.bootstrap.load.WsBytes.putDecimal;

/**
 * The load test's "model": a small Netty WebSocket server speaking the Realtime GA subset exactly
 * as {@code FakeRealtimeServer.echo(true)} does. On connect it sends {@code session.created}; it
 * answers {@code session.update} with {@code session.updated}; each {@code input_audio_buffer.append}
 * comes back as one {@code response.output_audio.delta} with the same audio, the same
 * {@code response_id}/{@code item_id} per connection and a counting {@code event_id}; pings are
 * answered, close frames echoed; everything else is ignored. The delta is written into a reused
 * array from precomputed parts and copied once into a pooled buffer; writes are flushed once per
 * read.
 */
public final class EchoModel implements AutoCloseable {
    private static final byte[] TYPE = ascii("\"type\":");
    private static final byte[] AUDIO = ascii("\"audio\":");
    private static final byte[] APPEND = ascii("input_audio_buffer.append\"");
    private static final byte[] SESSION_UPDATE = ascii("\"type\":\"session.update\"");
    private static final byte[] DELTA_END = ascii("\"}");

    private final Channel server;
    private final AtomicInteger connections = new AtomicInteger();

    public EchoModel(EventLoopGroup group, NettyTransport transport, int port) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new Connection());
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), port).sync().channel();
    }

    /** The value for OPENAI_REALTIME_URL. */
    public String url() {
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/v1/realtime";
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }

    /** One model connection; all on its event loop. */
    private final class Connection extends ByteToMessageDecoder implements WsBytes.FrameSink {
        private final WsBytes.FrameReader frames = new WsBytes.FrameReader();
        private byte[] out = new byte[1024];
        private boolean handshaken;
        private boolean flushPending;
        private int number;
        private long echoed;
        private byte[] deltaA;   // {"type":"response.output_audio.delta","event_id":"evt_N_
        private byte[] deltaB;   // ","response_id":"resp_N","item_id":"item_echo_N","output_index":0,"content_index":0,"delta":"

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> ignored) {
            if (!handshaken && !handshake(ctx, in)) return;
            frames.read(ctx, in, this);
        }

        @Override
        public boolean control(ChannelHandlerContext ctx, int opcode, byte[] control) {
            if (opcode == WsBytes.PING) {
                ctx.write(WsBytes.frame(ctx.alloc(), WsBytes.PONG, control, control.length, false), ctx.voidPromise());
                flushPending = true;
            } else if (opcode == WsBytes.CLOSE) {
                byte[] code = control.length >= 2 ? new byte[]{control[0], control[1]} : new byte[0];
                ctx.writeAndFlush(WsBytes.frame(ctx.alloc(), WsBytes.CLOSE, code, code.length, false))
                        .addListener(ChannelFutureListener.CLOSE);
                return false;
            }
            return true;
        }

        private boolean handshake(ChannelHandlerContext ctx, ByteBuf in) {
            int end = WsBytes.endOfHead(in);
            if (end < 0) {
                if (in.readableBytes() > 65_536) ctx.close();
                return false;
            }
            String head = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.US_ASCII);
            in.readerIndex(end + 4);
            String key = head.lines().skip(1).filter(l -> l.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(null);
            if (key == null) {
                ctx.writeAndFlush(Unpooled.copiedBuffer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                        StandardCharsets.US_ASCII)).addListener(ChannelFutureListener.CLOSE);
                return false;
            }
            ctx.write(Unpooled.copiedBuffer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + WsBytes.accept(key) + "\r\n\r\n", StandardCharsets.US_ASCII), ctx.voidPromise());
            handshaken = true;
            number = connections.incrementAndGet();
            deltaA = ascii("{\"type\":\"response.output_audio.delta\",\"event_id\":\"evt_" + number + "_");
            deltaB = ascii("\",\"response_id\":\"resp_" + number + "\",\"item_id\":\"item_echo_" + number
                    + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"");
            send(ctx, "{\"type\":\"session.created\",\"event_id\":\"evt_c" + number + "\",\"session\":{\"type\":\"realtime\",\"id\":\"sess_"
                    + number + "\"}}");
            ctx.flush();
            return true;
        }

        private void send(ChannelHandlerContext ctx, String json) {
            byte[] b = ascii(json);
            ctx.write(WsBytes.frame(ctx.alloc(), WsBytes.TEXT, b, b.length, false), ctx.voidPromise());
        }

        @Override
        public void text(ChannelHandlerContext ctx, byte[] b, int len) {
            int t = WsBytes.valueAfter(b, 0, len, TYPE);
            if (WsBytes.startsWith(b, t, len, APPEND)) {
                int a = WsBytes.valueAfter(b, 0, len, AUDIO);
                int end = a < 0 ? -1 : WsBytes.indexOf(b, a, len, (byte) '"');
                if (end < 0) return;
                int need = deltaA.length + 20 + deltaB.length + (end - a) + DELTA_END.length;
                if (need > out.length) out = new byte[Math.max(need, out.length * 2)];
                byte[] o = out;
                int p = put(o, 0, deltaA);
                p = putDecimal(o, p, ++echoed);
                p = put(o, p, deltaB);
                System.arraycopy(b, a, o, p, end - a);
                p = put(o, p + (end - a), DELTA_END);
                ctx.write(WsBytes.frame(ctx.alloc(), WsBytes.TEXT, o, p, false), ctx.voidPromise());
                flushPending = true;
            } else if (WsBytes.contains(b, 0, len, SESSION_UPDATE)) {
                send(ctx, "{\"type\":\"session.updated\",\"event_id\":\"evt_s" + number + "\",\"session\":{\"type\":\"realtime\"}}");
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
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
