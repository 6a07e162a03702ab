package dev.parley.adapter.out.openai;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.netty.channel.Channel;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.parley.adapter.out.openai.testing.Eventually.until;

/** The real adapter over a real WebSocket against the local Realtime stand-in. */
class OpenAiConversationModelTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final FakeRealtimeServer openai = new FakeRealtimeServer();
    private final JsonMapper json = JsonMapper.createDefault();
    private final OpenAiConversationModel model = new OpenAiConversationModel(
            new OpenAiProperties("sk-test", "https://api.openai.com/v1", openai.url(), "gpt-realtime"), json);
    private final List<String> events = new CopyOnWriteArrayList<>();
    /** The threads the listener was called on. */
    private final Set<Thread> callbackThreads = new CopyOnWriteArraySet<>();
    private final ConversationListener listener = new ConversationListener() {
        private void add(String event) {
            callbackThreads.add(Thread.currentThread());
            events.add(event);
        }
        public void assistantAudio(String itemId, String p) { add("audio:" + itemId + ":" + p); }
        public void callerSpeechStarted(String itemId, long ms) { add("started:" + itemId + ":" + ms); }
        public void callerSpeechStopped(String itemId, long ms) { add("stopped:" + itemId + ":" + ms); }
        public void callerTranscript(String itemId, String text, double c) { add("caller:" + itemId + ":" + text + ":" + Math.round(c * 100)); }
        public void assistantTranscript(String itemId, String text) { add("assistant:" + itemId + ":" + text); }
        public void toolCall(String callId, String name, String args) { add("tool:" + callId + ":" + name + ":" + args); }
        public void responseDone() { add("done"); }
        public void malformedEvent() { add("malformed"); }
        public void closed(String reason, boolean unexpected) { add("closed:" + reason + ":" + unexpected); }
    };
    private final ConversationBrief brief = new ConversationBrief("Be brief.", "marin", 0.8,
            List.of(new ConversationBrief.Tool("end_call", "Ends the call", "{\"type\":\"object\",\"properties\":{}}")));

    @AfterEach
    void stop() {
        model.close();
        openai.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSessionIsConfiguredForMuLawServerVadTranscriptionAndTools() throws Exception {
        model.open(brief, listener);
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        assertThat(c.requestTarget).isEqualTo("/v1/realtime?model=gpt-realtime");
        assertThat(c.header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(c.header("OpenAI-Beta")).as("GA protocol").isNull();
        String update = c.awaitMessage("session.update", WAIT);
        Map<String, Object> session = (Map<String, Object>) json.readValue(update, Argument.mapOf(String.class, Object.class)).get("session");
        assertThat(session).containsEntry("type", "realtime").containsEntry("instructions", "Be brief.")
                .containsEntry("output_modalities", List.of("audio")).doesNotContainKey("temperature");
        Map<String, Object> audio = (Map<String, Object>) session.get("audio");
        Map<String, Object> input = (Map<String, Object>) audio.get("input");
        Map<String, Object> output = (Map<String, Object>) audio.get("output");
        assertThat(input.get("format")).isEqualTo(Map.of("type", "audio/pcmu"));
        assertThat(output.get("format")).isEqualTo(Map.of("type", "audio/pcmu"));
        assertThat(output).containsEntry("voice", "marin");
        assertThat((Map<String, Object>) input.get("turn_detection")).containsEntry("type", "server_vad");
        assertThat((Map<String, Object>) input.get("transcription")).containsKey("model").as("detected").doesNotContainKey("language");
        assertThat((List<Map<String, Object>>) session.get("tools")).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("type", "function").containsEntry("name", "end_call"));
    }

    @Test
    void audioPassesBothWaysUntouchedAndMessagesKeepTheirOrder() {
        openai.echo(true);
        ConversationSession session = model.open(brief, listener);
        for (int i = 0; i < 50; i++) session.appendAudio("AAAA" + i + "w==");
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        until(WAIT, () -> c.received("input_audio_buffer.append").size() == 50);
        assertThat(c.received().getFirst()).contains("\"session.update\"");
        assertThat(c.received("input_audio_buffer.append").get(7)).isEqualTo("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAAA7w==\"}");
        until(WAIT, () -> events.stream().filter(e -> e.startsWith("audio:")).count() == 50);
        assertThat(events).contains("audio:item_echo_1:AAAA49w==");
    }

    @Test
    void serverEventsReachTheListener() {
        ConversationSession session = model.open(brief, listener);
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        c.awaitMessage("session.update", WAIT);
        c.send("{\"type\":\"input_audio_buffer.speech_started\",\"event_id\":\"e1\",\"audio_start_ms\":1200,\"item_id\":\"item_u1\"}");
        c.send("{\"type\":\"input_audio_buffer.speech_stopped\",\"event_id\":\"e2\",\"audio_end_ms\":2400,\"item_id\":\"item_u1\"}");
        c.send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"event_id\":\"e3\",\"item_id\":\"item_u1\","
                + "\"content_index\":0,\"transcript\":\"Hello \\\"there\\\"\",\"logprobs\":[{\"token\":\"Hello\",\"logprob\":-0.1,\"bytes\":[]}]}");
        c.send("{\"type\":\"response.output_audio_transcript.done\",\"event_id\":\"e4\",\"item_id\":\"item_a1\",\"transcript\":\"Hi!\"}");
        c.send("{\"type\":\"response.function_call_arguments.done\",\"event_id\":\"e5\",\"call_id\":\"call_1\",\"name\":\"end_call\",\"arguments\":\"{}\"}");
        c.send("{\"type\":\"response.done\",\"event_id\":\"e6\",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\"}}");
        c.send("{\"type\":\"response.audio.delta\",\"event_id\":\"e7\",\"item_id\":\"item_b\",\"delta\":\"//8=\"}");
        c.send("not json at all");
        c.send("{\"type\":\"response.output_audio.delta\",\"item_id\":\"x\"}");
        c.send("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"code\":\"x\",\"event_id\":\"e\"}}");
        until(WAIT, () -> events.size() >= 9);
        assertThat(events).containsExactly("started:item_u1:1200", "stopped:item_u1:2400", "caller:item_u1:Hello \"there\":90",
                "assistant:item_a1:Hi!", "tool:call_1:end_call:{}", "done", "audio:item_b://8=", "malformed", "malformed");
        session.toolResult("call_1", "{\"ok\":true}", true);
        session.truncate("item_a1", 640);
        assertThat(c.awaitMessage("conversation.item.create", WAIT))
                .isEqualTo("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"{\\\"ok\\\":true}\"}}");
        assertThat(c.awaitMessage("response.create", WAIT)).isNotNull();
        assertThat(c.awaitMessage("conversation.item.truncate", WAIT))
                .isEqualTo("{\"type\":\"conversation.item.truncate\",\"item_id\":\"item_a1\",\"content_index\":0,\"audio_end_ms\":640}");
    }

    @Test
    void closingEndsTheConnectionAtOnceAndQuietly() {
        ConversationSession session = model.open(brief, listener);
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        c.awaitMessage("session.update", WAIT);
        session.close();
        until(WAIT, () -> !c.isOpen());
        assertThat(c.closedByClient()).isTrue();
        assertThat(events).noneMatch(e -> e.startsWith("closed:"));
    }

    @Test
    void anUnreachableServiceIsReportedOnce() {
        openai.refuse(true);
        model.open(brief, listener);
        until(WAIT, () -> events.contains("closed:unreachable:true"));
        assertThat(events).containsExactly("closed:unreachable:true");
    }

    @Test
    void aDroppedConnectionIsReportedAsUnexpected() {
        openai.dropAfter(3);
        ConversationSession session = model.open(brief, listener);
        session.appendAudio("AAAA");
        session.appendAudio("AAAA");
        // as in a live call, caller audio keeps flowing: the next writes fail if the read side has not noticed yet
        until(WAIT, () -> {
            session.appendAudio("AAAA");
            return events.contains("closed:disconnected:true");
        });
        session.appendAudio("AAAA");
        session.close();
        assertThat(events).containsOnlyOnce("closed:disconnected:true");
    }

    // ---- the Netty client: threads, order, faults, leaks ---------------------------------------

    @Test
    void onTheCarriersNioEventLoopTheSocketAndEveryCallbackRunOnThatLoop() throws Exception {
        assertSharesTheCarriersLoop(NioIoHandler.newFactory(), NioSocketChannel.class);
    }

    @Test
    void onTheCarriersEpollEventLoopTheSocketIsAnEpollSocketOnThatLoop() throws Exception {
        Assumptions.assumeTrue(Epoll.isAvailable(), "native epoll is not available here");
        assertSharesTheCarriersLoop(EpollIoHandler.newFactory(), EpollSocketChannel.class);
    }

    private void assertSharesTheCarriersLoop(IoHandlerFactory io, Class<? extends Channel> socketType) throws Exception {
        MultiThreadIoEventLoopGroup carrier = new MultiThreadIoEventLoopGroup(1, io);
        try {
            EventLoop loop = carrier.next();
            Thread loopThread = loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
            openai.echo(true);
            OpenAiRealtimeSession session = (OpenAiRealtimeSession) model.open(brief, listener, loop);
            FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
            c.awaitMessage("session.update", WAIT);
            Channel channel = session.channel();
            assertThat(channel).isInstanceOf(socketType);
            assertThat(channel.eventLoop()).isSameAs(loop);
            loop.execute(() -> session.appendAudio("AAAA")); // on the loop: written at once
            session.appendAudio("BBBB");                      // elsewhere: hops to the loop
            c.send("{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":10,\"item_id\":\"item_u1\"}");
            c.send("not json");
            until(WAIT, () -> events.size() == 4);
            assertThat(events).contains("audio:item_echo_1:AAAA", "audio:item_echo_1:BBBB", "started:item_u1:10", "malformed");
            c.abort();
            until(WAIT, () -> events.contains("closed:disconnected:true"));
            assertThat(callbackThreads).containsExactly(loopThread);
            assertThat(threadsNamed("openai-realtime-")).as("the adapter's own threads are not needed").isEmpty();
        } finally {
            carrier.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void withoutANettyEventLoopTheAdaptersOwnThreadsCarryTheSocket() throws Exception {
        ExecutorService plain = Executors.newSingleThreadExecutor();
        DefaultEventLoop notIo = new DefaultEventLoop();
        try {
            for (java.util.concurrent.Executor affinity : new java.util.concurrent.Executor[]{null, plain, notIo}) {
                events.clear();
                callbackThreads.clear();
                ConversationSession session = model.open(brief, listener, affinity);
                FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
                assertThat(c.awaitMessage("session.update", WAIT)).isNotNull();
                Channel channel = ((OpenAiRealtimeSession) session).channel();
                assertThat(channel).isInstanceOf(NioSocketChannel.class);
                c.send("{\"type\":\"response.done\"}");
                until(WAIT, () -> events.contains("done"));
                assertThat(callbackThreads).singleElement().satisfies(t -> assertThat(t.getName()).startsWith("openai-realtime-"));
                session.close();
                until(WAIT, () -> !c.isOpen());
            }
        } finally {
            plain.shutdownNow();
            notIo.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void messagesSentBeforeTheHandshakeGoOutInOrderAfterTheSessionUpdate() {
        openai.delayHandshakes(Duration.ofMillis(300));
        ConversationSession session = model.open(brief, listener);
        session.appendAudio("AAA1");
        session.respond();
        session.truncate("item_1", 40);
        session.appendAudio("AAA2");
        session.hold(true);
        session.toolResult("call_1", "{}", false);
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        until(WAIT, () -> c.received().size() == 8);
        assertThat(c.received()).extracting(this::type).containsExactly("session.update",
                "input_audio_buffer.append", "response.create", "conversation.item.truncate", "input_audio_buffer.append",
                "response.cancel", "session.update", "conversation.item.create");
        assertThat(c.received().get(1)).isEqualTo("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAA1\"}");
        assertThat(c.received().get(6)).contains("\"create_response\":false");
    }

    @Test
    void aRefusedHandshakeIsReportedAsUnreachable() {
        openai.refuseWith(401);
        model.open(brief, listener);
        until(WAIT, () -> events.contains("closed:unreachable:true"));
        assertThat(openai.handshakes()).isEqualTo(1);
        assertThat(events).containsExactly("closed:unreachable:true");
        until(WAIT, () -> model.openChannels() == 0);
    }

    @Test
    void aPortWithNothingListeningIsReportedAsUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (OpenAiConversationModel nowhere = new OpenAiConversationModel(
                new OpenAiProperties("sk-test", "https://api.openai.com/v1", "ws://127.0.0.1:" + port + "/v1/realtime", "gpt-realtime"), json)) {
            ConversationSession session = nowhere.open(brief, listener);
            session.appendAudio("AAAA");
            until(WAIT, () -> events.contains("closed:unreachable:true"));
            session.appendAudio("AAAA");
            session.close();
            assertThat(events).containsExactly("closed:unreachable:true");
            assertThat(nowhere.openChannels()).isZero();
        }
    }

    @Test
    void anUnknownHostIsReportedAsUnreachable() {
        try (OpenAiConversationModel nowhere = new OpenAiConversationModel(
                new OpenAiProperties("sk-test", "https://api.openai.com/v1", "ws://no-such-host.invalid/v1/realtime", "gpt-realtime"), json)) {
            nowhere.open(brief, listener);
            until(Duration.ofSeconds(20), () -> events.contains("closed:unreachable:true"));
            assertThat(events).containsExactly("closed:unreachable:true");
        }
    }

    @Test
    void theServerDroppingTheTcpConnectionIsReportedAsDisconnected() {
        model.open(brief, listener);
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        c.awaitMessage("session.update", WAIT);
        c.abort();
        until(WAIT, () -> events.contains("closed:disconnected:true"));
        assertThat(events).containsExactly("closed:disconnected:true");
        until(WAIT, () -> model.openChannels() == 0);
    }

    @Test
    void aCloseFrameWeDidNotAskForIsReportedAsDisconnected() {
        ConversationSession session = model.open(brief, listener);
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        c.awaitMessage("session.update", WAIT);
        c.sendClose(1011, "server error");
        until(WAIT, () -> events.contains("closed:disconnected:true"));
        until(WAIT, () -> !c.isOpen());
        session.close();
        assertThat(events).containsExactly("closed:disconnected:true");
        assertThat(c.closedByClient()).as("no close frame once the conversation is lost").isFalse();
    }

    @Test
    void closeIsIdempotentSendsOneNormalCloseFrameAfterWhatWasSentAndIgnoresLaterSends() {
        ConversationSession session = model.open(brief, listener);
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        c.awaitMessage("session.update", WAIT);
        session.appendAudio("LAST");
        session.close();
        session.close();
        session.appendAudio("AFTER");
        session.respond();
        until(WAIT, () -> !c.isOpen());
        assertThat(c.closedByClient()).isTrue();
        assertThat(c.closeCode()).isEqualTo(1000);
        assertThat(c.closeReason()).isEqualTo("call ended");
        assertThat(c.received()).last().isEqualTo("{\"type\":\"input_audio_buffer.append\",\"audio\":\"LAST\"}");
        session.close();
        until(WAIT, () -> model.openChannels() == 0);
        assertThat(events).noneMatch(e -> e.startsWith("closed:"));
    }

    @Test
    void aCloseTheServerDoesNotAnswerEndsTheSocketAfterTheGracePeriod() {
        ConversationSession session = model.open(brief, listener);
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        c.awaitMessage("session.update", WAIT);
        // the server reads response.create, then stops: the close frame is never read, so never answered
        // (was pauseReading(), which under load could stop the reader before response.create and time out)
        c.pauseReadingAfter(c.received().size() + 1);
        session.respond();
        until(WAIT, () -> c.received("response.create").size() == 1);
        long start = System.nanoTime();
        session.close();
        until(WAIT, () -> model.openChannels() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(OpenAiRealtimeSession.CLOSE_GRACE_MILLIS - 100));
        assertThat(events).noneMatch(e -> e.startsWith("closed:"));
    }

    @Test
    void closingBeforeTheHandshakeAbandonsTheConnectionQuietly() {
        openai.delayHandshakes(Duration.ofMillis(300));
        ConversationSession session = model.open(brief, listener);
        session.appendAudio("AAAA");
        session.close();
        until(WAIT, () -> model.openChannels() == 0);
        FakeRealtimeServer.Connection c = openai.awaitConnection(Duration.ofSeconds(1));
        if (c != null) { // the server may have answered the handshake before it noticed the socket was gone
            until(WAIT, () -> !c.isOpen());
            assertThat(c.received()).as("nothing is sent once closed").isEmpty();
        }
        assertThat(events).isEmpty();
    }

    @Test
    void binaryFramesAreMalformedAndFragmentedMessagesOfSeveralMebibytesArriveWhole() {
        model.open(brief, listener);
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        c.awaitMessage("session.update", WAIT);
        String delta = "A".repeat(3 * 1024 * 1024);
        c.sendBinary(new byte[]{1, 2, 3});
        c.sendFragmented("{\"type\":\"response.output_audio.delta\",\"item_id\":\"item_big\",\"delta\":\"" + delta + "\"}", 7);
        c.send("{\"type\":\"response.done\"}");
        until(WAIT, () -> events.contains("done"));
        assertThat(events).containsExactly("malformed", "audio:item_big:" + delta, "done");
    }

    @Test
    void whenTheServiceStopsReadingCallerAudioIsDroppedButControlMessagesAreNot() throws Exception {
        OpenAiRealtimeSession session = (OpenAiRealtimeSession) model.open(brief, listener);
        FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
        c.awaitMessage("session.update", WAIT);
        c.pauseReading();
        String chunk = "B".repeat(16 * 1024);
        int sent = 0;
        // socket buffers on loopback hold several MiB: write until the adapter starts dropping
        while (session.droppedAudio() < 10 && sent < 20_000) {
            for (int i = 0; i < 100; i++, sent++) session.appendAudio(chunk);
            session.loop().submit(() -> null).get(5, TimeUnit.SECONDS); // let the loop catch up
        }
        assertThat(session.droppedAudio()).isGreaterThanOrEqualTo(10);
        session.respond();
        session.truncate("item_1", 100);
        c.resumeReading();
        until(Duration.ofSeconds(20), () -> c.received("conversation.item.truncate").size() == 1);
        List<String> received = c.received();
        assertThat(received.get(received.size() - 2)).isEqualTo("{\"type\":\"response.create\"}");
        assertThat(c.received("input_audio_buffer.append")).hasSizeLessThan(sent);
        assertThat(events).isEmpty();
    }

    @Test
    void manyCallsLeaveNoThreadAndNoSocketBehind() throws Exception {
        try (OpenAiConversationModel twoThreads = new OpenAiConversationModel(
                new OpenAiProperties("sk-test", "https://api.openai.com/v1", openai.url(), "gpt-realtime"), json, 2, null)) {
            cycles(twoThreads, null, 5);
            int baseline = liveThreads();
            cycles(twoThreads, null, 200);
            until(WAIT, () -> twoThreads.openChannels() == 0 && openai.openConnections() == 0, "every socket to close");
            assertThat(threadsNamed("openai-realtime-")).hasSizeLessThanOrEqualTo(2);
            assertThat(liveThreads()).isLessThanOrEqualTo(baseline);

            MultiThreadIoEventLoopGroup carrier = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            try {
                cycles(twoThreads, carrier.next(), 200);
                until(WAIT, () -> twoThreads.openChannels() == 0 && openai.openConnections() == 0, "every socket to close");
                assertThat(liveThreads()).isLessThanOrEqualTo(baseline + 1); // the carrier's loop
            } finally {
                carrier.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
        until(WAIT, () -> threadsNamed("openai-realtime-").isEmpty(), "the adapter's threads to stop");
        assertThat(events).isEmpty();
    }

    private String type(String message) {
        try {
            return (String) json.readValue(message, Argument.mapOf(String.class, Object.class)).get("type");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void cycles(OpenAiConversationModel m, EventLoop affinity, int n) {
        for (int i = 0; i < n; i++) {
            ConversationSession session = m.open(brief, listener, affinity);
            session.appendAudio("AAAA");
            FakeRealtimeServer.Connection c = openai.awaitConnection(WAIT);
            assertThat(c).isNotNull();
            until(WAIT, () -> c.received("input_audio_buffer.append").size() == 1);
            session.close();
        }
    }

    /** Live platform threads, less the virtual threads' carriers (the stand-in server runs on virtual threads). */
    private static int liveThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith("ForkJoinPool")).count();
    }

    private static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).toList();
    }
}
