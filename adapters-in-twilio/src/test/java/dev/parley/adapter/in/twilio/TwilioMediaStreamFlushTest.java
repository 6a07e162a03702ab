package dev.parley.adapter.in.twilio;

import dev.parley.application.conversation.port.in.MediaStreamHandler;
import dev.parley.application.conversation.port.out.CarrierStream;
import io.micronaut.json.JsonMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flushing on a real event loop (an embedded channel runs its queued tasks on every write, so it
 * cannot show this): frames written together on the loop leave in one flush at the end of the
 * loop's round; frames written from another thread are flushed at once.
 */
class TwilioMediaStreamFlushTest {
    private final DefaultEventLoopGroup group = new DefaultEventLoopGroup(1);
    private final AtomicInteger flushes = new AtomicInteger();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<CarrierStream> carrier = new CompletableFuture<>();
    private Channel serverSide;

    private final MediaStreamHandler handler = new MediaStreamHandler() {
        @Override
        public void callerAudio(String base64Payload, long timestampMs) {
        }

        @Override
        public void markPlayed(String name) {
        }

        @Override
        public void carrierStopped() {
        }

        @Override
        public void malformedFrame() {
        }
    };

    @AfterEach
    void stop() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    private CarrierStream connect() throws Exception {
        LocalAddress address = new LocalAddress("media-stream-" + UUID.randomUUID());
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        new ServerBootstrap().group(group).channel(LocalServerChannel.class).childHandler(new ChannelInitializer<LocalChannel>() {
            @Override
            protected void initChannel(LocalChannel ch) {
                ch.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
                    @Override
                    public void flush(ChannelHandlerContext ctx) {
                        flushes.incrementAndGet();
                        ctx.flush();
                    }
                });
                ch.pipeline().addLast(TwilioMediaStream.NAME, new TwilioMediaStream(ch, (command, stream) -> {
                    carrier.complete(stream);
                    return Optional.of(handler);
                }, Runnable::run, JsonMapper.createDefault()));
                accepted.complete(ch);
            }
        }).bind(address).sync();
        Channel client = new Bootstrap().group(group).channel(LocalChannel.class).handler(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof TextWebSocketFrame frame) {
                    received.add(frame.text());
                    frame.release();
                }
            }
        }).connect(address).sync().channel();
        client.writeAndFlush(new TextWebSocketFrame("{\"event\":\"start\",\"streamSid\":\"MZ1\",\"start\":{\"streamSid\":\"MZ1\","
                + "\"callSid\":\"CA1\",\"customParameters\":{\"callId\":\"5\",\"token\":\"t\"}}}")).sync();
        serverSide = accepted.get(5, TimeUnit.SECONDS);
        return carrier.get(5, TimeUnit.SECONDS);
    }

    private List<String> take(int n) throws InterruptedException {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String frame = received.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("frame %d of %d", i + 1, n).isNotNull();
            frames.add(frame);
        }
        return frames;
    }

    @Test
    void framesWrittenTogetherOnTheLoopLeaveInOneFlush() throws Exception {
        CarrierStream stream = connect();
        serverSide.eventLoop().submit(() -> flushes.set(0)).sync();
        serverSide.eventLoop().submit(() -> {
            stream.sendAudio("AAAA");
            stream.sendAudio("BBBB");
            stream.sendMark("m1");
            assertThat(flushes.get()).as("nothing flushed before the loop's round ends").isZero();
        }).sync();
        List<String> frames = take(3);
        assertThat(frames.get(0)).contains("AAAA");
        assertThat(frames.get(1)).contains("BBBB");
        assertThat(frames.get(2)).contains("\"m1\"");
        assertThat(flushes.get()).isEqualTo(1);
    }

    @Test
    void framesWrittenFromAnotherThreadAreFlushedAtOnce() throws Exception {
        CarrierStream stream = connect();
        serverSide.eventLoop().submit(() -> flushes.set(0)).sync();
        stream.sendAudio("CCCC"); // e.g. the console's human agent, on its own thread
        assertThat(take(1).get(0)).contains("CCCC");
        stream.sendMark("h1");
        assertThat(take(1).get(0)).contains("\"h1\"");
        assertThat(flushes.get()).isEqualTo(2);
    }
}
