package dev.parley.adapter.out.openai;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationSession;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
    private final ConversationListener listener = new ConversationListener() {
        public void assistantAudio(String itemId, String p) { events.add("audio:" + itemId + ":" + p); }
        public void callerSpeechStarted(String itemId, long ms) { events.add("started:" + itemId + ":" + ms); }
        public void callerSpeechStopped(String itemId, long ms) { events.add("stopped:" + itemId + ":" + ms); }
        public void callerTranscript(String itemId, String text, double c) { events.add("caller:" + itemId + ":" + text + ":" + Math.round(c * 100)); }
        public void assistantTranscript(String itemId, String text) { events.add("assistant:" + itemId + ":" + text); }
        public void toolCall(String callId, String name, String args) { events.add("tool:" + callId + ":" + name + ":" + args); }
        public void responseDone() { events.add("done"); }
        public void malformedEvent() { events.add("malformed"); }
        public void closed(String reason, boolean unexpected) { events.add("closed:" + reason + ":" + unexpected); }
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
        assertThat((Map<String, Object>) input.get("transcription")).containsKey("model");
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
}
