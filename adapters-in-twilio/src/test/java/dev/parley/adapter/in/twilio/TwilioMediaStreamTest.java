package dev.parley.adapter.in.twilio;

import java.time.Duration;
import dev.parley.application.conversation.port.in.MediaStreamHandler;
import dev.parley.application.conversation.port.in.OpenLiveCallUseCase;
import dev.parley.application.conversation.port.out.CarrierStream;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream's phases and frames on an embedded channel: the blocking executor runs when the test says so. */
class TwilioMediaStreamTest {
    private static final String SID = "MZ0123456789abcdef";

    private final ArrayDeque<Runnable> blocking = new ArrayDeque<>();
    private final List<String> events = new ArrayList<>();
    private final List<OpenLiveCallUseCase.OpenLiveCallCommand> commands = new ArrayList<>();
    private CarrierStream carrier;
    private boolean accept = true;
    private EmbeddedChannel channel;
    private TwilioMediaStream stream;
    private final MediaStreamStats stats = new MediaStreamStats();

    private final MediaStreamHandler handler = new MediaStreamHandler() {
        @Override
        public void callerAudio(String base64Payload, long timestampMs) {
            events.add("audio " + base64Payload + " " + timestampMs);
        }

        @Override
        public void markPlayed(String name) {
            events.add("mark " + name);
        }

        @Override
        public void carrierStopped() {
            events.add("stopped");
        }

        @Override
        public void malformedFrame() {
            events.add("malformed");
        }
    };

    @BeforeEach
    void channel() {
        channel = new EmbeddedChannel();
        OpenLiveCallUseCase open = (command, carrierStream) -> {
            commands.add(command);
            carrier = carrierStream;
            return accept ? Optional.of(handler) : Optional.empty();
        };
        stream = new TwilioMediaStream(channel, open, blocking::add, JsonMapper.createDefault(), () -> {
        }, Duration.ofSeconds(10), stats);
        channel.pipeline().addLast(TwilioMediaStream.NAME, stream);
    }

    private void text(String frame) {
        channel.writeInbound(new TextWebSocketFrame(frame));
    }

    private void start(String token) {
        text("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
        text("{\"event\":\"start\",\"streamSid\":\"" + SID + "\",\"start\":{\"streamSid\":\"" + SID + "\",\"callSid\":\"CA1\","
                + "\"customParameters\":{\"callId\":\"5\"" + (token == null ? "" : ",\"token\":\"" + token + "\"") + "}}}");
    }

    /** The blocking executor's work, then the event loop's. */
    private void redeem() {
        while (!blocking.isEmpty()) blocking.poll().run();
        channel.runPendingTasks();
    }

    private static String media(String payload, long timestamp) {
        return "{\"event\":\"media\",\"streamSid\":\"" + SID + "\",\"media\":{\"track\":\"inbound\",\"timestamp\":\"" + timestamp
                + "\",\"payload\":\"" + payload + "\"}}";
    }

    private int closeCode() {
        Object out;
        while ((out = channel.readOutbound()) != null) {
            if (out instanceof CloseWebSocketFrame close) {
                int code = close.statusCode();
                close.release();
                return code;
            }
            ((WebSocketFrame) out).release();
        }
        return -1;
    }

    private String nextText() {
        channel.runPendingTasks(); // frames written on the loop are flushed by a task at the end of its round
        TextWebSocketFrame frame = channel.readOutbound();
        try {
            return frame.text();
        } finally {
            frame.release();
        }
    }

    @Test
    void framesArrivingWhileTheTokenIsRedeemedAreReplayedInOrderThenTheCallGoesLive() {
        start("good");
        assertThat(blocking).hasSize(1);
        text(media("AAAA", 20));
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[]{1})));
        text("{\"event\":\"mark\",\"mark\":{\"name\":\"m1\"}}");
        assertThat(events).isEmpty();

        redeem();
        assertThat(commands).containsExactly(new OpenLiveCallUseCase.OpenLiveCallCommand("5", "good", "CA1", SID));
        assertThat(events).containsExactly("audio AAAA 20", "malformed", "mark m1");
        text(media("BBBB", 40));
        text("{\"event\":\"teleport\"}");
        assertThat(events).endsWith("audio BBBB 40", "malformed");
        assertThat(carrier.executor()).isSameAs(channel.eventLoop());

        text("{\"event\":\"stop\"}");
        assertThat(events).endsWith("stopped");
        assertThat(closeCode()).isEqualTo(1000);
        assertThat(channel.isOpen()).isFalse();
        assertThat(events).filteredOn("stopped"::equals).hasSize(1);
    }

    @Test
    void aStopWaitingInTheBufferEndsTheReplay() {
        start("good");
        text(media("AAAA", 20));
        text("{\"event\":\"stop\"}");
        text(media("BBBB", 40));
        redeem();
        assertThat(events).containsExactly("audio AAAA 20", "stopped");
        assertThat(closeCode()).isEqualTo(1000);
    }

    @Test
    void noMoreThanFiveHundredFramesWait() {
        start("good");
        for (int i = 0; i < TwilioMediaStream.MAX_BUFFERED_FRAMES + 20; i++) text(media("AAAA", i));
        redeem();
        assertThat(events).hasSize(TwilioMediaStream.MAX_BUFFERED_FRAMES);
    }

    @Test
    void aRefusedTokenClosesWithPolicyViolationAndNothingReachesACall() {
        accept = false;
        start("bad");
        text(media("AAAA", 20));
        redeem();
        assertThat(closeCode()).isEqualTo(1008);
        assertThat(events).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aStartWithoutTokenOrTooManyFramesBeforeStartAreRefusedWithoutRedeeming() {
        start(null);
        assertThat(blocking).isEmpty();
        assertThat(closeCode()).isEqualTo(1008);

        channel();
        for (int i = 0; i < TwilioMediaStream.MAX_FRAMES_BEFORE_START; i++) {
            channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[]{1})));
        }
        assertThat(channel.isOpen()).isTrue();
        text("{\"event\":\"media\"}");
        assertThat(closeCode()).isEqualTo(1008);
        assertThat(blocking).isEmpty();
    }

    @Test
    void aCallerGoneWhileTheTokenIsRedeemedStopsTheOpenedCallOnce() {
        start("good");
        channel.close();
        redeem();
        assertThat(events).containsExactly("stopped");
    }

    @Test
    void theConnectionClosingEndsTheCallExactlyOnce() {
        start("good");
        redeem();
        channel.writeInbound(new CloseWebSocketFrame(1000, "bye"));
        assertThat(closeCode()).as("the close echoed").isEqualTo(1000);
        channel.close();
        assertThat(events).containsExactly("stopped");
    }

    @Test
    void pingIsAnsweredWithPong() {
        channel.writeInbound(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[]{4, 2})));
        PongWebSocketFrame pong = channel.readOutbound();
        assertThat(pong.content().readableBytes()).isEqualTo(2);
        assertThat(pong.content().getByte(1)).isEqualTo((byte) 2);
        pong.release();
    }

    @Test
    void outgoingFramesAreTwiliosWithTheSanitisedStreamSid() {
        text("{\"event\":\"start\",\"start\":{\"streamSid\":\"MZ\\\"<ab-c>\",\"callSid\":\"CA1\",\"customParameters\":{\"callId\":\"5\",\"token\":\"t\"}}}");
        redeem();
        carrier.sendAudio("//79/A==");
        carrier.sendMark("a1");
        carrier.clear();
        assertThat(nextText()).isEqualTo("{\"event\":\"media\",\"streamSid\":\"MZabc\",\"media\":{\"payload\":\"//79/A==\"}}");
        assertThat(nextText()).isEqualTo("{\"event\":\"mark\",\"streamSid\":\"MZabc\",\"mark\":{\"name\":\"a1\"}}");
        assertThat(nextText()).isEqualTo("{\"event\":\"clear\",\"streamSid\":\"MZabc\"}");
        carrier.close();
        assertThat(closeCode()).isEqualTo(1000);
    }

    @Test
    void aStreamSilentBeyondTheIdleTimeoutEndsItsCall() {
        start("good");
        redeem();
        channel.pipeline().fireUserEventTriggered(io.netty.handler.timeout.IdleStateEvent.WRITER_IDLE_STATE_EVENT);
        assertThat(events).doesNotContain("stopped");
        channel.pipeline().fireUserEventTriggered(io.netty.handler.timeout.IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertThat(events).containsOnlyOnce("stopped");
        assertThat(closeCode()).isEqualTo(1001);
    }

    @Test
    void audioIsDroppedAndCountedWhileTheConnectionIsOverItsWriteBuffer() {
        start("good");
        redeem();
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        carrier.sendAudio("AAAA");
        carrier.sendAudio("AAAA");
        carrier.sendMark("m1");
        assertThat(stream.droppedAudio()).isEqualTo(2);
        assertThat(stats.droppedOutFrames()).as("counted for the metrics").isEqualTo(2);
        assertThat(nextText()).as("marks still go").contains("\"mark\"");
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        carrier.sendAudio("BBBB");
        assertThat(nextText()).contains("BBBB");
        assertThat(stream.droppedAudio()).isEqualTo(2);
    }

    @Test
    void onlyTheMediaStreamPathsAreTakenOver() {
        for (String uri : List.of("/media-stream", "/media-stream/sales", "/media-stream?x=1", "/media-stream/sales?x=/y",
                "http://host:5050/media-stream", "https://host/media-stream/sales#f")) {
            assertThat(MediaStreamUpgrade.isMediaStreamPath(uri)).as(uri).isTrue();
        }
        for (String uri : List.of("/", "/media-streams", "/media-stream/", "/media-stream/a/b", "/api/ws/telephony/stream",
                "/media", "media-stream", "http://host", "/x/media-stream", "/media-stream//")) {
            assertThat(MediaStreamUpgrade.isMediaStreamPath(uri)).as(uri).isFalse();
        }
    }
}
