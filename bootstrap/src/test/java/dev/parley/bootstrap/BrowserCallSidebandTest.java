package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.adapter.out.openai.testing.OpenAiRealtimeCallsStub;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's side of browser calls (issue 19): a signalled WebRTC call gets a sideband to the OpenAI stand-in
 * ({@code ?call_id=rtc_…}, the server's key) and is run like a phone call: transcripts stored and shown on the
 * tenant's consoles, tools run on the server with their results sent back, end_call hanging the WebRTC call up
 * once the browser has played the goodbye, the call record completed however the call ends; a sideband that
 * cannot connect leaves the signal answer alone and ends the call; garbage on the sideband is skipped.
 */
@MicronautTest(transactional = false)
class BrowserCallSidebandTest extends BrowserRealtimeTestSupport {
    static final Duration WAIT = Duration.ofSeconds(10);

    @BeforeEach
    void resetStandIns() {
        realtime.reset();
        // as OpenAI does: a call that is hung up loses its sideband
        openAi.onHangUp(id -> realtime.connections().stream().filter(c -> id.equals(c.callId()) && c.isOpen())
                .forEach(c -> c.sendClose(1000, "call ended")));
    }

    record Signalled(long callId, String rtcId, FakeRealtimeServer.Connection sideband) {
    }

    private String newUser() {
        return newUser("sb-");
    }

    /** Starts a browser session of {@code scenario}, signals its offer and waits for the server's sideband to the call. */
    private Signalled signal(String token, String scenario) {
        return signalSession(token, "{\"scenario\":\"" + scenario + "\"}");
    }

    private Signalled signalSession(String token, String sessionRequest) {
        HttpJson.Reply started = http.postJson("/realtime/session", sessionRequest, token);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String session = (String) started.map().get("session_id");
        long callId = ((Number) started.map().get("call_id")).longValue();
        HttpJson.Reply answered = http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"" + session + "\"}", token);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.map()).containsEntry("sdp", OpenAiRealtimeCallsStub.answerFor(OFFER));
        assertThat(answered.body()).doesNotContain(KEY);
        String rtc = openAi.callIds().getLast();
        FakeRealtimeServer.Connection sideband = realtime.awaitSideband(rtc, WAIT);
        assertThat(sideband).as("the sideband to " + rtc).isNotNull();
        return new Signalled(callId, rtc, sideband);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String token, long callId) {
        HttpJson.Reply reply = http.get("/api/calls/" + callId, token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> record(String token, long callId) {
        return (Map<String, Object>) call(token, callId).get("call");
    }

    @SuppressWarnings("unchecked")
    private List<String> lines(String token, long callId) {
        return ((List<Map<String, Object>>) call(token, callId).get("messages")).stream()
                .map(m -> m.get("sender_type") + ": " + m.get("content")).toList();
    }

    private static String functionCall(String callId, String name, String arguments) {
        return "{\"type\":\"response.function_call_arguments.done\",\"event_id\":\"evt_" + callId + "\",\"response_id\":\"resp_" + callId
                + "\",\"item_id\":\"item_" + callId + "\",\"output_index\":0,\"call_id\":\"" + callId + "\",\"name\":\"" + name
                + "\",\"arguments\":" + quoteJson(arguments) + "}";
    }

    private static String responseDone(String id) {
        return "{\"type\":\"response.done\",\"event_id\":\"evt_done_" + id + "\",\"response\":{\"id\":\"resp_" + id
                + "\",\"object\":\"realtime.response\",\"status\":\"completed\",\"output\":[],\"usage\":{\"total_tokens\":30,"
                + "\"input_tokens\":20,\"output_tokens\":10,\"input_token_details\":{\"text_tokens\":5,\"audio_tokens\":15},"
                + "\"output_token_details\":{\"text_tokens\":4,\"audio_tokens\":6}}}}";
    }

    @Test
    void aSignalledCallIsRunOverTheSidebandLikeAPhoneCall() throws Exception {
        String ann = newUser();
        try (ConsoleClient console = new ConsoleClient(server.getURI(), "?token=" + ann, json)) {
            Signalled s = signal(ann, "sales");
            String id = Long.toString(s.callId());
            FakeRealtimeServer.Connection sideband = s.sideband();
            assertThat(sideband.requestTarget).isEqualTo("/v1/realtime?call_id=" + s.rtcId());
            assertThat(sideband.header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(console.next("call_status_update")).containsEntry("call_id", id).containsEntry("status", "in_progress");

            sideband.send("{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":1200,\"item_id\":\"item_u1\"}");
            sideband.send("{\"type\":\"input_audio_buffer.speech_stopped\",\"audio_end_ms\":2900,\"item_id\":\"item_u1\"}");
            sideband.send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"item_u1\",\"content_index\":0,"
                    + "\"transcript\":\"I would like a cheaper phone plan\"}");
            sideband.send("{\"type\":\"response.output_audio_transcript.done\",\"item_id\":\"item_a1\",\"output_index\":0,"
                    + "\"content_index\":0,\"transcript\":\"Happy to help with that.\"}");
            assertThat(console.next("customer_transcript")).containsEntry("call_id", id)
                    .containsEntry("transcript", "I would like a cheaper phone plan");
            assertThat(console.next("agent_transcript")).containsEntry("call_id", id).containsEntry("message", "Happy to help with that.");

            // a tool a browser call does not have: the model hears why and answers again
            sideband.send(functionCall("call_x", "transfer_to_human", "{\"reason\":\"wants a person\"}"));
            sideband.send(responseDone("1"));
            String refused = sideband.awaitMessage("conversation.item.create", WAIT);
            assertThat(refused).contains("\"type\":\"function_call_output\"").contains("\"call_id\":\"call_x\"")
                    .contains("\\\"ok\\\":false").contains("Unknown tool");
            assertThat(sideband.awaitMessage("response.create", WAIT)).isNotNull();

            // the goodbye is played in the browser; the call is hung up once it has been heard
            sideband.send("{\"type\":\"output_audio_buffer.started\",\"response_id\":\"resp_2\"}");
            sideband.send("{\"type\":\"response.output_audio_transcript.done\",\"item_id\":\"item_a2\",\"transcript\":\"Goodbye!\"}");
            sideband.send(functionCall("call_end", "end_call", "{\"reason\":\"done\"}"));
            sideband.send(responseDone("2"));
            String ended = sideband.awaitMessage("conversation.item.create", WAIT);
            assertThat(ended).contains("\"call_id\":\"call_end\"").contains("\\\"ok\\\":true");
            Thread.sleep(300);
            assertThat(openAi.hungUp()).as("no hang-up while the goodbye plays").doesNotContain(s.rtcId());
            sideband.send("{\"type\":\"output_audio_buffer.stopped\",\"response_id\":\"resp_2\"}");
            until(WAIT, () -> openAi.hungUp().contains(s.rtcId()), "the WebRTC call to be hung up");
            OpenAiRealtimeCallsStub.Recorded hangUp = openAi.requests().stream()
                    .filter(r -> r.path().equals("/v1/realtime/calls/" + s.rtcId() + "/hangup")).findFirst().orElseThrow();
            assertThat(hangUp.authorization()).isEqualTo("Bearer " + KEY);
            until(WAIT, () -> !sideband.isOpen(), "the sideband to close");

            assertThat(console.next("call_status_update")).containsEntry("call_id", id).containsEntry("status", "ended");
            until(WAIT, () -> "completed".equals(record(ann, s.callId()).get("status"))
                    && lines(ann, s.callId()).size() == 3, "the call record to be completed with its transcript");
            Map<String, Object> record = record(ann, s.callId());
            assertThat(record).containsEntry("channel", "browser").containsEntry("end_reason", "ended-by-assistant");
            assertThat(record.get("end_time")).isNotNull();
            assertThat(lines(ann, s.callId())).containsExactly("customer: I would like a cheaper phone plan",
                    "agent: Happy to help with that.", "agent: Goodbye!");
            assertThat(sideband.received("response.create")).as("end_call asks for no further answer").hasSize(1);
            assertThat(sideband.received("session.update")).as("the sideband names the tools the server runs, nothing else")
                    .singleElement().satisfies(u -> assertThat(u).contains("\"end_call\"").doesNotContain("transfer_to_human")
                            .doesNotContain("instructions").doesNotContain("\"audio\""));
            assertThat(sideband.received()).noneMatch(m -> m.contains("input_audio_buffer.append"));
            // another tenant sees nothing of it
            assertThat(http.get("/api/calls/" + s.callId(), newUser()).status()).isEqualTo(404);
        }
    }

    static final String DESK = "+14155550177";
    static final String ORG_CONFIG = """
            {"business":{"name":"Maple Clinic %s","description":"A family practice.","address":"1 Main St","time_zone":"America/New_York",
              "hours":[{"day":"monday","open":"09:00","close":"17:00"}],"services":["Check-ups"]},
             "safety":{"assistant_is_not":["a medical professional"],"never_do":["Recommend medication"]},
             "escalation":{"transfer_number":"%s","emergency_keywords":["chest pain"],"high_priority_keywords":["fever"]},
             "intake":{"fields":[{"name":"full_name","type":"string","required":true,"description":"Full name"},
                                 {"name":"date_of_birth","type":"date","required":true}]},
             "voice":"sage","language":"en"}""";

    @Test
    @SuppressWarnings("unchecked")
    void anOrganizationsBrowserCallRunsItsToolsWatchAndPhasesOnTheServer() {
        String ann = newUser();
        String marker = UUID.randomUUID().toString();
        HttpJson.Reply created = http.postJson("/api/orgs", "{\"name\":\"Maple " + marker + "\"}", ann);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long org = ((Number) created.map().get("org_id")).longValue();
        assertThat(http.postJson("/api/org/config/" + org, ORG_CONFIG.formatted(marker, DESK), ann).status()).isEqualTo(200);

        try (ConsoleClient console = new ConsoleClient(server.getURI(), "?token=" + ann, json)) {
            Signalled s = signalSession(ann, "{\"scenario_id\":\"org:" + org + "\"}");
            FakeRealtimeServer.Connection sideband = s.sideband();
            assertThat(sideband.awaitMessage("session.update", WAIT)).as("the organization's tools, run by the server")
                    .contains("\"escalate_to_human\"").contains("\"complete_intake\"").contains("\"end_call\"")
                    .doesNotContain("transfer_to_human");

            sideband.send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"item_u0\","
                    + "\"content_index\":0,\"transcript\":\"Hello, I would like an appointment.\"}");
            until(WAIT, () -> "intake".equals(call(ann, s.callId()).get("phase")), "the intake phase once the caller spoke");
            sideband.send(functionCall("c1", "complete_intake", "{\"fields\":{\"full_name\":\"Ann Lee\"},\"urgency\":\"normal\"}"));
            sideband.send(responseDone("o1"));
            assertThat(sideband.awaitMessage("conversation.item.create", WAIT)).contains("\"c1\"").contains("Missing required field date_of_birth");
            until(WAIT, () -> "clarification".equals(call(ann, s.callId()).get("phase")), "the clarification phase");

            sideband.send(functionCall("c2", "complete_intake",
                    "{\"fields\":{\"full_name\":\"Ann Lee\",\"date_of_birth\":\"1980-02-29\"},\"urgency\":\"high\"}"));
            sideband.send(responseDone("o2"));
            assertThat(sideband.awaitMessage("conversation.item.create", WAIT)).contains("\"c2\"").contains("The intake is saved");
            until(WAIT, () -> "completed".equals(call(ann, s.callId()).get("phase")), "the completed phase");
            Map<String, Object> intake = (Map<String, Object>) call(ann, s.callId()).get("intake");
            assertThat(intake).containsEntry("complete", true).containsEntry("urgency", "high");
            assertThat((Map<String, Object>) intake.get("data")).containsEntry("full_name", "Ann Lee");

            // an emergency: recorded and told to the consoles; a browser has no phone line to transfer to
            sideband.send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"item_u1\","
                    + "\"content_index\":0,\"transcript\":\"Hi, I have had chest pain since this morning.\"}");
            Map<String, Object> event;
            do event = console.next("call_status_update"); while (!"escalated".equals(event.get("status")));
            assertThat(event).containsEntry("call_id", Long.toString(s.callId())).containsEntry("urgency", "emergency")
                    .containsEntry("action", "flagged");

            sideband.send(functionCall("c3", "escalate_to_human", "{\"reason\":\"Wants a nurse\",\"urgency\":\"high\"}"));
            sideband.send(responseDone("o3"));
            assertThat(sideband.awaitMessage("conversation.item.create", WAIT)).contains("\"c3\"").contains("will call the caller back");
            assertThat(sideband.awaitMessage("response.create", WAIT)).as("the conversation goes on").isNotNull();
            do event = console.next("call_status_update"); while (!"escalated".equals(event.get("status")));
            assertThat(event).containsEntry("urgency", "high").as("stored as what happened: no transfer").containsEntry("action", "flagged");
            until(WAIT, () -> ((List<?>) call(ann, s.callId()).get("escalations")).size() == 2, "both escalations on record");
            Map<String, Object> details = call(ann, s.callId());
            assertThat(details).containsEntry("org_id", (int) org);
            assertThat((List<Map<String, Object>>) details.get("escalations")).extracting(e -> e.get("source"))
                    .containsExactly("emergency_keyword", "assistant");
            assertThat((List<Map<String, Object>>) details.get("escalations")).extracting(e -> e.get("action")).containsOnly("flagged");
            assertThat(openAi.hungUp()).doesNotContain(s.rtcId());

            sideband.sendClose(1000, "call ended");
            until(WAIT, () -> "completed".equals(record(ann, s.callId()).get("status")), "the call record to be completed");
            assertThat(lines(ann, s.callId())).contains("customer: Hi, I have had chest pain since this morning.");
        }
    }

    @Test
    void aCalendarToolRunsOnTheServerAndTheBrowserHangingUpCompletesTheCall() {
        String ann = newUser();
        Signalled s = signal(ann, "calendar");
        assertThat(openAi.requests().stream().filter(r -> r.path().equals("/v1/realtime/calls")).toList().getLast().parts().get("session"))
                .as("the session is briefed with the tools the server runs").contains("check_availability").contains("end_call")
                .doesNotContain("transfer_to_human");
        s.sideband().send(functionCall("call_cal", "check_availability",
                "{\"start\":\"2030-01-07T10:00:00+00:00\",\"end\":\"2030-01-07T10:30:00+00:00\"}"));
        s.sideband().send(responseDone("c"));
        String answer = s.sideband().awaitMessage("conversation.item.create", WAIT);
        assertThat(answer).contains("\"call_id\":\"call_cal\"").contains("\\\"ok\\\":false").contains("check_availability").doesNotContain("Unknown tool");
        assertThat(s.sideband().awaitMessage("response.create", WAIT)).isNotNull();

        // the browser leaves: OpenAI ends the call and closes its sideband
        s.sideband().sendClose(1000, "call ended");
        until(WAIT, () -> "completed".equals(record(ann, s.callId()).get("status")), "the call record to be completed");
        assertThat(record(ann, s.callId()).get("end_reason")).isNull();
        assertThat(openAi.hungUp()).doesNotContain(s.rtcId());
    }

    @Test
    void garbageOnTheSidebandIsSkippedAndTheCallGoesOn() {
        String ann = newUser();
        Signalled s = signal(ann, "sales");
        FakeRealtimeServer.Connection sideband = s.sideband();
        sideband.send("not json at all");
        sideband.send("{\"type\":\"response.function_call_arguments.done\",\"call_id\":");
        sideband.send("{\"no_type\":true}");
        sideband.send("{\"type\":\"conversation.item.input_audio_transcription.completed\"}");
        sideband.send("{\"type\":\"response.function_call_arguments.done\",\"name\":\"end_call\"}");
        sideband.send(responseDone("g"));
        sideband.sendBinary(new byte[]{0, 1, 2, 3});
        sideband.sendFragmented("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"item_u9\","
                + "\"transcript\":\"Are you still there?\"}", 3);
        until(WAIT, () -> lines(ann, s.callId()).contains("customer: Are you still there?"), "the line after the garbage");
        assertThat(sideband.isOpen()).isTrue();
        assertThat(record(ann, s.callId())).containsEntry("status", "in-progress");
        assertThat(openAi.hungUp()).doesNotContain(s.rtcId());

        sideband.send(functionCall("call_bye", "end_call", "{}"));
        sideband.send(responseDone("h"));
        until(WAIT, () -> openAi.hungUp().contains(s.rtcId()), "end_call to hang up at once when nothing is playing");
        until(WAIT, () -> "completed".equals(record(ann, s.callId()).get("status")), "the call record to be completed");
    }

    @Test
    void aSidebandThatCannotConnectLeavesTheSignalAnswerAndEndsTheCall() {
        String ann = newUser();
        realtime.refuseSidebands(true);
        HttpJson.Reply started = http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann);
        String session = (String) started.map().get("session_id");
        long callId = ((Number) started.map().get("call_id")).longValue();
        HttpJson.Reply answered = http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"" + session + "\"}", ann);

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.map()).containsEntry("sdp", OpenAiRealtimeCallsStub.answerFor(OFFER));
        String rtc = openAi.callIds().getLast();
        until(WAIT, () -> openAi.hungUp().contains(rtc), "the unsupervised call to be hung up");
        until(WAIT, () -> "completed".equals(record(ann, callId).get("status")), "the call record to be completed");
        assertThat(record(ann, callId)).containsEntry("end_reason", "sideband-unreachable");
    }

    @Test
    void anotherTenantsSessionIs404AndOpensNoSideband() {
        String ann = newUser();
        String bob = newUser();
        String session = (String) http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann).map().get("session_id");
        int handshakes = realtime.handshakes();
        int calls = openAi.callIds().size();
        HttpJson.Reply foreign = http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"" + session + "\"}", bob);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(KEY);
        assertThat(openAi.callIds()).hasSize(calls);
        assertThat(realtime.handshakes()).isEqualTo(handshakes);
        // the owner's session is still usable
        assertThat(http.postJson("/realtime/signal", "{\"sdp\":" + quote(OFFER) + ",\"session_id\":\"" + session + "\"}", ann).status())
                .isEqualTo(200);
        String rtc = openAi.callIds().getLast();
        FakeRealtimeServer.Connection sideband = realtime.awaitSideband(rtc, WAIT);
        assertThat(sideband).isNotNull();
        sideband.sendClose(1000, "call ended");
        until(WAIT, () -> !sideband.isOpen(), "the sideband to close");
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String quoteJson(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
