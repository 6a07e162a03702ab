package dev.parley.bootstrap.load;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The load generator's hand-written WebSocket and JSON byte work, against plain-Java references. */
class LoadGeneratorPartsTest {

    @Test
    void sequenceNumbersSurviveTheBase64OfAFrame() {
        for (long seq : new long[]{1, 2, 255, 256, 65_537, 1L << 40, Long.MAX_VALUE}) {
            byte[] audio = new byte[TwilioCaller.FRAME_BYTES];
            Arrays.fill(audio, (byte) 0xFF);
            for (int i = 0; i < 8; i++) audio[i] = (byte) (seq >>> (56 - 8 * i));
            String reference = Base64.getEncoder().encodeToString(audio);
            byte[] b = new byte[400];
            int p = WsBytes.putSequenceBase64(b, 0, seq);
            byte[] tail = WsBytes.constantAudioTail(TwilioCaller.FRAME_BYTES, "");
            System.arraycopy(tail, 0, b, p, tail.length);
            assertThat(new String(b, 0, p + tail.length, StandardCharsets.US_ASCII)).isEqualTo(reference);
            assertThat(WsBytes.sequenceOf(reference.getBytes(StandardCharsets.US_ASCII), 0)).isEqualTo(seq);
        }
        assertThat(WsBytes.sequenceOf("AAAAAAAA*AAA".getBytes(StandardCharsets.US_ASCII), 0)).isEqualTo(-1);
    }

    @Test
    void maskingIsAnInvolutionAtAnyOffset() {
        byte[] original = "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"AAAA\"}}".getBytes(StandardCharsets.US_ASCII);
        for (int off = 0; off < 9; off++) {
            byte[] b = new byte[original.length + off];
            System.arraycopy(original, 0, b, off, original.length);
            WsBytes.xor(b, off, original.length, 0x12345678);
            for (int i = 0; i < original.length; i++) {
                assertThat(b[off + i]).isEqualTo((byte) (original[i] ^ (0x12345678 >>> (24 - 8 * (i & 3)))));
            }
            WsBytes.xor(b, off, original.length, 0x12345678);
            assertThat(Arrays.copyOfRange(b, off, b.length)).isEqualTo(original);
        }
    }

    @Test
    void aCallerSpeaksTwilioAndTimesItsEchoes() {
        EmbeddedChannel ch = new EmbeddedChannel();
        CallerLoop.Window window = new CallerLoop.Window();
        CallerLoop loop = new CallerLoop(ch.eventLoop(), window);
        Map<EventLoop, CallerLoop> loops = Map.of(ch.eventLoop(), loop);
        TwilioCaller caller = new TwilioCaller(loops, 7, "127.0.0.1:1", "/media-stream", "sig", "CA7", "42", "tok");
        ch.pipeline().addLast(caller);
        ch.pipeline().fireChannelActive();

        String request = readAscii(ch.readOutbound());
        assertThat(request).startsWith("GET /media-stream HTTP/1.1\r\n").contains("X-Twilio-Signature: sig\r\n").endsWith("\r\n\r\n");
        Matcher key = Pattern.compile("Sec-WebSocket-Key: (\\S+)").matcher(request);
        assertThat(key.find()).isTrue();
        ch.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + WsBytes.accept(key.group(1)) + "\r\n\r\n", StandardCharsets.US_ASCII));
        assertThat(caller.up).isCompleted();
        String sid = String.format("MZ%032d", 7);
        assertThat(clientText(ch.readOutbound())).isEqualTo("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        assertThat(clientText(ch.readOutbound())).isEqualTo("{\"event\":\"start\",\"sequenceNumber\":\"1\",\"streamSid\":\"" + sid
                + "\",\"start\":{\"accountSid\":\"ACload\",\"streamSid\":\"" + sid + "\",\"callSid\":\"CA7\",\"tracks\":[\"inbound\"],"
                + "\"customParameters\":{\"callId\":\"42\",\"token\":\"tok\"},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\","
                + "\"sampleRate\":8000,\"channels\":1}}}");

        window.start = System.nanoTime();
        caller.sendMedia();
        byte[] audio = new byte[TwilioCaller.FRAME_BYTES];
        Arrays.fill(audio, 8, audio.length, (byte) 0xFF);   // the sequence number 1 in 8 bytes, then μ-law silence
        audio[7] = 1;
        String payload = Base64.getEncoder().encodeToString(audio);
        assertThat(clientText(ch.readOutbound())).isEqualTo("{\"event\":\"media\",\"sequenceNumber\":\"2\",\"streamSid\":\"" + sid
                + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"1\",\"timestamp\":\"20\",\"payload\":\"" + payload + "\"}}");
        assertThat(loop.stats.sent).isEqualTo(1);

        // the bridge's answer, in one read: the echoed audio (split over two frames) and a mark
        ByteBuf in = Unpooled.buffer();
        String media = "{\"event\":\"media\",\"streamSid\":\"" + sid + "\",\"media\":{\"payload\":\"" + payload + "\"}}";
        in.writeBytes(serverFrame(0x1, false, media.substring(0, 40)));
        in.writeBytes(serverFrame(0x0, true, media.substring(40)));
        in.writeBytes(serverFrame(0x1, true, "{\"event\":\"mark\",\"streamSid\":\"" + sid + "\",\"mark\":{\"name\":\"resp_1_chunk_3\"}}"));
        ch.writeInbound(in);
        assertThat(loop.stats.received).isEqualTo(1);
        assertThat(loop.stats.maxNanos).isPositive();
        assertThat(clientText(ch.readOutbound())).isEqualTo("{\"event\":\"mark\",\"sequenceNumber\":\"3\",\"streamSid\":\"" + sid
                + "\",\"mark\":{\"name\":\"resp_1_chunk_3\"}}");

        ch.writeInbound(Unpooled.wrappedBuffer(serverFrame(0x1, true, media)));   // a duplicate counts once
        assertThat(loop.stats.received).isEqualTo(1);

        caller.stop();
        assertThat(clientText(ch.readOutbound())).isEqualTo("{\"event\":\"stop\",\"sequenceNumber\":\"4\",\"streamSid\":\"" + sid
                + "\",\"stop\":{\"accountSid\":\"ACload\",\"callSid\":\"CA7\"}}");
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[]{(byte) 0x88, 2, 0x03, (byte) 0xE8}));
        assertThat(ch.isOpen()).isFalse();
        assertThat(loop.stats.closedEarly).isZero();
        ch.finishAndReleaseAll();
    }

    @Test
    void theEchoModelAnswersAsTheFakeRealtimeServerDoes() throws Exception {
        NettyTransport transport = NettyTransport.select("nio");
        EventLoopGroup group = transport.group(1, "echo-test");
        try (EchoModel echo = new EchoModel(group, transport, 0); FakeRealtimeServer fake = new FakeRealtimeServer().echo(true)) {
            String update = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"" + "x".repeat(70_000) + "\"}}";
            assertThat(conversation(fake.url(), update)).isEqualTo(expected(1));
            assertThat(conversation(echo.url(), update)).isEqualTo(expected(1));
            // the same whichever way the adapter's JSON orders the session.update's fields
            String reordered = "{\"session\":{\"type\":\"realtime\"},\"type\":\"session.update\"}";
            assertThat(conversation(echo.url(), reordered)).isEqualTo(expected(2));
            assertThat(echo.connections()).isEqualTo(2);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** What FakeRealtimeServer.echo(true) answers on its n-th connection to {@link #conversation}. */
    private static List<String> expected(int n) {
        String delta = "{\"type\":\"response.output_audio.delta\",\"event_id\":\"evt_" + n + "_%d\",\"response_id\":\"resp_" + n
                + "\",\"item_id\":\"item_echo_" + n + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"//79/%d==\"}";
        return List.of(
                "{\"type\":\"session.created\",\"event_id\":\"evt_c" + n + "\",\"session\":{\"type\":\"realtime\",\"id\":\"sess_" + n + "\"}}",
                "{\"type\":\"session.updated\",\"event_id\":\"evt_s" + n + "\",\"session\":{\"type\":\"realtime\"}}",
                delta.formatted(1, 1), delta.formatted(2, 2), "pong:hi");
    }

    /** What a Realtime client hears: connect, session.update, two appends, an ignored event, a ping, close. */
    private static List<String> conversation(String url, String sessionUpdate) throws Exception {
        LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        List<String> heard = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(url + "?model=gpt-realtime"), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        inbox.add(text.toString());
                        text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }

                @Override
                public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
                    inbox.add("pong:" + StandardCharsets.US_ASCII.decode(message));
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            heard.add(next(inbox));
            ws.sendText(sessionUpdate, true).join();
            heard.add(next(inbox));
            for (int i = 1; i <= 2; i++) {
                ws.sendText("{\"type\":\"input_audio_buffer.append\",\"audio\":\"//79/" + i + "==\"}", true).join();
                heard.add(next(inbox));
            }
            ws.sendText("{\"type\":\"response.create\"}", true).join();
            ws.sendPing(ByteBuffer.wrap("hi".getBytes(StandardCharsets.US_ASCII))).join();
            heard.add(next(inbox));
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        }
        return heard;
    }

    private static String next(LinkedBlockingQueue<String> inbox) throws InterruptedException {
        String m = inbox.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a message within 10 s").isNotNull();
        return m;
    }

    private static String readAscii(ByteBuf buf) {
        try {
            return buf.toString(StandardCharsets.US_ASCII);
        } finally {
            buf.release();
        }
    }

    /** The text of one masked client frame. */
    private static String clientText(ByteBuf frame) {
        try {
            assertThat((int) frame.readUnsignedByte()).isEqualTo(0x81);
            int b1 = frame.readUnsignedByte();
            assertThat(b1 & 0x80).as("masked").isEqualTo(0x80);
            int len = b1 & 0x7F;
            if (len == 126) len = frame.readUnsignedShort();
            int key = frame.readInt();
            byte[] payload = new byte[len];
            frame.readBytes(payload);
            assertThat(frame.isReadable()).isFalse();
            WsBytes.xor(payload, 0, len, key);
            return new String(payload, StandardCharsets.UTF_8);
        } finally {
            frame.release();
        }
    }

    private static byte[] serverFrame(int opcode, boolean fin, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteBuf f = WsBytes.frame(ByteBufAllocator.DEFAULT, opcode, payload, payload.length, false);
        if (!fin) f.setByte(0, f.getByte(0) & 0x7F);
        byte[] b = new byte[f.readableBytes()];
        f.readBytes(b);
        f.release();
        return b;
    }
}
