package dev.parley.adapter.out.openai;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.adapter.out.openai.testing.OpenAiRealtimeCallsStub;
import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import dev.parley.domain.session.SdpOffer;
import dev.parley.application.session.port.out.BrowserBrief;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sideband adapter's real WebSocket and hang-up request against the local Realtime stand-ins. */
class OpenAiConversationSidebandTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String KEY = "sk-sideband-test";
    private static final String OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    private final FakeRealtimeServer realtime = new FakeRealtimeServer();
    private final OpenAiRealtimeCallsStub calls = new OpenAiRealtimeCallsStub(KEY);
    private final JsonMapper json = JsonMapper.createDefault();
    private final OpenAiProperties properties = new OpenAiProperties(KEY, calls.baseUrl(), realtime.url(), "gpt-realtime");
    private final OpenAiBrowserRealtime browser = new OpenAiBrowserRealtime(properties, Duration.ofMinutes(10), json);
    private final OpenAiConversationSideband sideband = new OpenAiConversationSideband(properties, json, browser);
    private static final List<ConversationBrief.Tool> TOOLS = List.of(
            new ConversationBrief.Tool("end_call", "Ends the call", "{\"type\":\"object\",\"properties\":{}}"));
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ConversationListener listener = new ConversationListener() {
        public void assistantAudio(String itemId, String p) { events.add("audio"); }
        public void callerSpeechStarted(String itemId, long ms) { events.add("started:" + itemId); }
        public void callerSpeechStopped(String itemId, long ms) { events.add("stopped:" + itemId); }
        public void callerTranscript(String itemId, String text, double c) { events.add("caller:" + text); }
        public void assistantTranscript(String itemId, String text) { events.add("assistant:" + text); }
        public void toolCall(String callId, String name, String args) { events.add("tool:" + callId + ":" + name); }
        public void responseDone() { events.add("done"); }
        public void assistantPlayback(boolean playing) { events.add("playing:" + playing); }
        public void malformedEvent() { events.add("malformed"); }
        public void closed(String reason, boolean unexpected) { events.add("closed:" + reason + ":" + unexpected); }
    };

    @AfterEach
    void stop() {
        sideband.close();
        realtime.close();
        calls.close();
    }

    private String connectedCall() {
        return browser.connect(new BrowserBrief("sales", "Sell kindly.", "coral", 0.8, List.of()), new SdpOffer(OFFER)).callId();
    }

    @Test
    void theSidebandAttachesToTheCallWithTheServersKeyAndSpeaksTheRealtimeEvents() throws Exception {
        String callId = connectedCall();
        assertThat(callId).isEqualTo(calls.callIds().getLast());
        ConversationSession session = sideband.attach(callId, TOOLS, listener);
        FakeRealtimeServer.Connection c = realtime.awaitSideband(callId, WAIT);
        assertThat(c).isNotNull();
        assertThat(c.requestTarget).isEqualTo("/v1/realtime?call_id=" + callId);
        assertThat(c.header("Authorization")).isEqualTo("Bearer " + KEY);
        String update = c.awaitMessage("session.update", WAIT);
        assertThat(json.readValue(update, Argument.mapOf(String.class, Object.class))).as("the tools the server runs, and nothing else of the briefing")
                .isEqualTo(Map.of("type", "session.update", "session", Map.of("type", "realtime", "tool_choice", "auto",
                        "tools", List.of(Map.of("type", "function", "name", "end_call", "description", "Ends the call",
                                "parameters", Map.of("type", "object", "properties", Map.of()))))));

        c.send("{\"type\":\"output_audio_buffer.started\",\"response_id\":\"resp_1\"}");
        c.send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"item_u1\",\"content_index\":0,"
                + "\"transcript\":\"Hello\"}");
        c.send("{\"type\":\"response.output_audio_transcript.done\",\"item_id\":\"item_a1\",\"transcript\":\"Hi there\"}");
        c.send("{\"type\":\"response.function_call_arguments.done\",\"call_id\":\"call_1\",\"name\":\"end_call\",\"arguments\":\"{}\"}");
        c.send("{\"type\":\"response.done\",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\"}}");
        c.send("{\"type\":\"output_audio_buffer.stopped\",\"response_id\":\"resp_1\"}");
        until(WAIT, () -> events.contains("playing:false"));
        assertThat(events).containsExactly("playing:true", "caller:Hello", "assistant:Hi there", "tool:call_1:end_call", "done",
                "playing:false");

        session.toolResult("call_1", "{\"ok\":true}", false);
        String output = c.awaitMessage("conversation.item.create", WAIT);
        assertThat(output).contains("\"function_call_output\"").contains("\"call_id\":\"call_1\"");
        assertThat(c.received()).as("one session.update, no audio and no response.create")
                .filteredOn(m -> m.contains("\"session.update\"") || m.contains("\"response.create\"") || m.contains("audio_buffer"))
                .hasSize(1);

        c.sendClose(1000, "call ended");
        until(WAIT, () -> events.contains("closed:ended:false"));
        until(WAIT, () -> sideband.openSidebands() == 0);
    }

    @Test
    void hangingUpEndsTheVendorsCallWithTheServersKey() {
        String callId = connectedCall();
        sideband.hangUp(callId);
        assertThat(calls.hungUp()).containsExactly(callId);
        assertThat(calls.requests().getLast().path()).isEqualTo("/v1/realtime/calls/" + callId + "/hangup");
        assertThat(calls.requests().getLast().authorization()).isEqualTo("Bearer " + KEY);
        assertThatThrownBy(() -> sideband.hangUp("rtc_unknown")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aRefusedSidebandIsReportedAsUnreachableAndADroppedOneAsDisconnected() {
        realtime.refuseSidebands(true);
        sideband.attach(connectedCall(), TOOLS, listener);
        until(WAIT, () -> events.contains("closed:unreachable:true"));

        realtime.refuseSidebands(false);
        events.clear();
        String callId = connectedCall();
        sideband.attach(callId, TOOLS, listener);
        FakeRealtimeServer.Connection c = realtime.awaitSideband(callId, WAIT);
        c.send("not json at all");
        c.send("{\"type\":\"response.function_call_arguments.done\",\"call_id\":");
        c.sendBinary(new byte[]{1, 2, 3});
        c.send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"i\",\"transcript\":\"still here\"}");
        until(WAIT, () -> events.contains("caller:still here"));
        assertThat(events).filteredOn("malformed"::equals).hasSize(3);
        c.abort();
        until(WAIT, () -> events.contains("closed:disconnected:true"));
    }
}
