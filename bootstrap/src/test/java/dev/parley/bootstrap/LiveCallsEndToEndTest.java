package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.application.call.port.in.FindCallUseCase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live calls end to end: a fake Twilio caller and a fake OpenAI Realtime server, both speaking the
 * real protocols over real WebSockets, drive the real bridge (socket, use cases, OpenAI adapter,
 * Twilio REST adapter against its stand-in, database).
 */
@MicronautTest(transactional = false)
class LiveCallsEndToEndTest extends TelephonyTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CALLER_AUDIO = Base64.getEncoder().encodeToString(new byte[160]);
    private static final String AUDIO_100MS = Base64.getEncoder().encodeToString(filled(800, (byte) 0x7F));

    @Inject
    FindCallUseCase findCall;

    private static byte[] filled(int n, byte b) {
        byte[] a = new byte[n];
        java.util.Arrays.fill(a, b);
        return a;
    }

    record Live(Ticket ticket, FakeTwilioCaller caller, FakeRealtimeServer.Connection model) {
    }

    /** An inbound call on a scenario of its own, so its model connection is told apart from every other by its instructions. */
    private Live live(Tenant tenant) {
        String scenario = "custom-" + UUID.randomUUID();
        Ticket ticket = inboundCall(tenant, scenario);
        FakeTwilioCaller caller = caller().start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        return new Live(ticket, caller, modelOf(tenant, scenario));
    }

    /** The model connection whose session.update carries this tenant's scenario instructions. */
    private FakeRealtimeServer.Connection modelOf(Tenant tenant, String scenario) {
        String marker = "You are the " + scenario + " assistant of tenant " + tenant.id() + ".";
        FakeRealtimeServer.Connection[] found = new FakeRealtimeServer.Connection[1];
        until(WAIT, () -> {
            found[0] = openai.connections().stream().filter(c -> c.received().stream().anyMatch(m -> m.contains(marker)))
                    .findFirst().orElse(null);
            return found[0] != null;
        }, "the model connection of " + scenario);
        return found[0];
    }

    private static String delta(String itemId, String audio) {
        return "{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"resp_1\",\"item_id\":\"" + itemId
                + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + audio + "\"}";
    }

    private static String toolCall(String callId, String name) {
        return "{\"type\":\"response.function_call_arguments.done\",\"event_id\":\"e\",\"response_id\":\"resp_2\",\"item_id\":\"item_f\","
                + "\"output_index\":0,\"call_id\":\"" + callId + "\",\"name\":\"" + name + "\",\"arguments\":\"{}\"}";
    }

    private static final String RESPONSE_DONE = "{\"type\":\"response.done\",\"event_id\":\"e\",\"response\":{\"id\":\"resp_2\",\"status\":\"completed\"}}";

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(Tenant tenant, long callId) {
        journal.flush(WAIT);
        HttpJson.Reply reply = http.get("/api/calls/" + callId, tenant.accessToken());
        assertThat(reply.status()).isEqualTo(200);
        return reply.map();
    }

    @SuppressWarnings("unchecked")
    private String endReason(Tenant tenant, long callId) {
        return (String) ((Map<String, Object>) details(tenant, callId).get("call")).get("end_reason");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInboundCallBridgesAudioBothWaysWithBargeInAndStoresItsTranscript() throws Exception {
        Tenant ann = newTenant();
        Live call = live(ann);
        String update = call.model().received("session.update").getFirst();
        assertThat(update).contains("You are the custom-").contains("\"audio/pcmu\"").contains("\"server_vad\"")
                .contains("\"end_call\"").contains("\"transfer_to_human\"").contains("\"voice\":\"coral\"");

        call.caller().media(CALLER_AUDIO, 20);
        assertThat(call.model().awaitMessage("input_audio_buffer.append", WAIT))
                .isEqualTo("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + CALLER_AUDIO + "\"}");

        for (int i = 0; i < 3; i++) call.model().send(delta("item_a1", AUDIO_100MS));
        for (int i = 0; i < 3; i++) {
            String media = call.caller().await("media", WAIT);
            assertThat(media).contains("\"payload\":\"" + AUDIO_100MS + "\"").contains("\"streamSid\":\"MZ");
        }
        until(WAIT, () -> call.caller().received("mark").size() == 3);
        call.caller().mark("a1");
        call.caller().mark("a2");
        Thread.sleep(300); // the marks travel on another socket than the model's events
        call.model().send("{\"type\":\"input_audio_buffer.speech_started\",\"event_id\":\"e\",\"audio_start_ms\":900,\"item_id\":\"item_u1\"}");
        assertThat(call.caller().await("clear", WAIT)).isNotNull();
        assertThat(call.model().awaitMessage("conversation.item.truncate", WAIT))
                .isEqualTo("{\"type\":\"conversation.item.truncate\",\"item_id\":\"item_a1\",\"content_index\":0,\"audio_end_ms\":200}");
        assertThat(call.model().received("response.create")).as("inbound default scenario waits for the caller").isEmpty();

        call.model().send("{\"type\":\"input_audio_buffer.speech_stopped\",\"event_id\":\"e\",\"audio_end_ms\":2100,\"item_id\":\"item_u1\"}");
        call.model().send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"event_id\":\"e\",\"item_id\":\"item_u1\","
                + "\"content_index\":0,\"transcript\":\"I need help with my order.\"}");
        call.model().send("{\"type\":\"response.output_audio_transcript.done\",\"event_id\":\"e\",\"item_id\":\"item_a2\",\"transcript\":\"Of course. What is the order number?\"}");
        until(WAIT, () -> findCall.transcript(ann.id(), call.ticket().callSid()).size() == 2 || !journal.flush(WAIT));

        call.caller().stop(call.ticket().callSid());
        until(WAIT, () -> !call.model().isOpen(), "the model socket to close");
        assertThat(call.model().closedByClient()).isTrue();
        assertThat(call.caller().awaitClosed(WAIT)).isTrue();

        List<Map<String, Object>> messages = (List<Map<String, Object>>) details(ann, call.ticket().callId()).get("messages");
        assertThat(messages).extracting(m -> m.get("sender_type")).containsExactly("customer", "agent");
        assertThat(messages.get(0)).containsEntry("content", "I need help with my order.").containsEntry("start_ms", 900)
                .containsEntry("end_ms", 2100).containsEntry("is_final", true);
        assertThat(messages.get(1)).containsEntry("content", "Of course. What is the order number?").containsEntry("confidence", 1.0);
        assertThat(findCall.transcript(ann.id(), call.ticket().callSid())).extracting(l -> l.speaker()).containsExactly("customer", "agent");
        until(WAIT, () -> monitor.stats().active() == 0);
    }

    @Test
    void anOutboundCallOpensWithTheGreetingAndEndCallHangsUpAfterTheGoodbye() {
        Tenant ann = newTenant();
        HttpJson.Reply placed = http.get("/make-call/%2B14155550100/sales", ann.accessToken());
        String sid = (String) placed.map().get("call_sid");
        long callId = ((Number) placed.map().get("call_id")).longValue();
        HttpJson.Reply twiml = twilioPost("/outbound-call/" + callId, voiceForm(sid, TelephonyStandIns.SYSTEM_NUMBER,
                new dev.parley.domain.shared.PhoneNumber("+14155550100"), "in-progress"));
        Ticket ticket = ticket(sid, twiml.body());
        FakeTwilioCaller caller = caller();
        caller.echoMarks = true;
        caller.start(sid, Long.toString(ticket.callId()), ticket.token());
        FakeRealtimeServer.Connection model = modelOf(ann, "sales");
        assertThat(model.awaitMessage("response.create", WAIT)).as("the greeting").isNotNull();
        assertThat(model.received().getFirst()).contains("\"session.update\"");

        model.send(delta("item_bye", AUDIO_100MS));
        model.send(toolCall("call_end", "end_call"));
        model.send(RESPONSE_DONE);
        assertThat(model.awaitMessage("conversation.item.create", WAIT)).contains("\"function_call_output\"").contains("\"call_end\"");
        until(WAIT, () -> !twilio.requests("POST", ".*/Calls/" + sid + "\\.json").isEmpty(), "the hang-up");
        TwilioApiStub.Recorded hangUp = twilio.requests("POST", ".*/Calls/" + sid + "\\.json").getFirst();
        assertThat(hangUp.formValue("Status")).isEqualTo("completed");
        assertThat(caller.received("media")).hasSize(1);

        caller.stop(sid);
        until(WAIT, () -> !model.isOpen());
        assertThat(endReason(ann, callId)).isEqualTo("ended-by-assistant");
    }

    @Test
    void transferToHumanRedirectsTheCallToTheConfiguredNumber() {
        Tenant ann = newTenant();
        Live call = live(ann);
        call.caller().echoMarks = true;
        call.model().send(toolCall("call_t", "transfer_to_human"));
        call.model().send(RESPONSE_DONE);
        String path = ".*/Calls/" + call.ticket().callSid() + "\\.json";
        until(WAIT, () -> !twilio.requests("POST", path).isEmpty(), "the transfer");
        assertThat(twilio.requests("POST", path).getFirst().formValue("Twiml")).contains("<Dial><Number>" + TRANSFER_NUMBER + "</Number></Dial>");
        call.caller().stop(call.ticket().callSid());
        // the stop frame travels asynchronously: wait until the server has ended the call
        until(WAIT, () -> "transferred".equals(endReason(ann, call.ticket().callId())), "the transfer to be recorded");
    }

    @Test
    void anUnknownToolGetsAnErrorResultAndTheCallGoesOn() {
        Tenant ann = newTenant();
        Live call = live(ann);
        call.model().send(toolCall("call_x", "launch_rockets"));
        call.model().send(RESPONSE_DONE);
        assertThat(call.model().awaitMessage("conversation.item.create", WAIT)).contains("Unknown tool: launch_rockets");
        assertThat(call.model().awaitMessage("response.create", WAIT)).isNotNull();
        call.caller().media(CALLER_AUDIO, 40);
        assertThat(call.model().awaitMessage("input_audio_buffer.append", WAIT)).isNotNull();
        assertThat(twilio.requests()).noneMatch(r -> r.path().contains("/Calls/"));
        call.caller().close();
        until(WAIT, () -> !call.model().isOpen(), "the model socket to close when the caller drops");
    }

    @Test
    void streamsWithoutAValidOneTimeTokenAreClosedBeforeAnyModelConnection() {
        Tenant ann = newTenant();
        int before = openai.handshakes();
        Ticket ticket = inboundCall(ann, "default");

        FakeTwilioCaller wrong = caller().start(ticket.callSid(), Long.toString(ticket.callId()), "not-the-token");
        assertThat(wrong.awaitClosed(WAIT)).isTrue();
        FakeTwilioCaller none = caller().start(ticket.callSid(), Long.toString(ticket.callId()), null);
        assertThat(none.awaitClosed(WAIT)).isTrue();
        FakeTwilioCaller otherCall = caller().start(newSid(), Long.toString(ticket.callId()), ticket.token());
        assertThat(otherCall.awaitClosed(WAIT)).isTrue();
        FakeTwilioCaller garbage = caller();
        garbage.raw("{\"event\":\"start\",\"start\":[1,2");
        assertThat(garbage.awaitClosed(WAIT)).isTrue();
        assertThat(openai.handshakes()).isEqualTo(before);

        // the product documents' /media-stream/{scenario} form is served too (the call's own scenario wins)
        FakeTwilioCaller first = FakeTwilioCaller.connect(rawHttp, mediaStreamUri("/media-stream/sales"), "MZfirst")
                .start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        assertThat(modelOf(ann, "default")).isNotNull();
        first.stop(ticket.callSid());
        FakeTwilioCaller replay = caller().start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        assertThat(replay.awaitClosed(WAIT)).isTrue();
        assertThat(openai.handshakes()).isEqualTo(before + 1);
    }

    @Test
    void anUnreachableModelMeansAnApologyAndACleanEndWithTheReasonRecorded() {
        Tenant ann = newTenant();
        openai.refuse(true);
        Ticket ticket = inboundCall(ann, "default");
        FakeTwilioCaller caller = caller().start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        String path = ".*/Calls/" + ticket.callSid() + "\\.json";
        until(WAIT, () -> !twilio.requests("POST", path).isEmpty(), "the apology");
        assertThat(twilio.requests("POST", path).getFirst().formValue("Twiml")).contains("<Say>Sorry, we are having a technical problem")
                .contains("<Hangup/>");
        assertThat(caller.awaitClosed(WAIT)).isTrue();
        assertThat(endReason(ann, ticket.callId())).isEqualTo("model-unreachable");
        until(WAIT, () -> monitor.stats().active() == 0, "no live call left");
    }

    @Test
    void aModelDroppingMidCallMeansAnApologyAndACleanEnd() {
        Tenant ann = newTenant();
        openai.dropAfter(3);
        Live call = live(ann);
        call.caller().media(CALLER_AUDIO, 20);
        call.caller().media(CALLER_AUDIO, 40);
        String path = ".*/Calls/" + call.ticket().callSid() + "\\.json";
        long[] timestamp = {60};
        until(WAIT, () -> {
            feed(call.caller(), timestamp[0] += 20);
            return !twilio.requests("POST", path).isEmpty();
        }, "the apology");
        assertThat(twilio.requests("POST", path).getFirst().formValue("Twiml")).contains("<Say>Sorry");
        assertThat(call.caller().awaitClosed(WAIT)).isTrue();
        assertThat(endReason(ann, call.ticket().callId())).isEqualTo("model-disconnected");
    }

    @Test
    void framesSentWhileTheTokenIsRedeemedAreForwardedInOrder() {
        Tenant ann = newTenant();
        String scenario = "custom-" + UUID.randomUUID();
        Ticket ticket = inboundCall(ann, scenario);
        FakeTwilioCaller caller = caller().start(ticket.callSid(), Long.toString(ticket.callId()), ticket.token());
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String payload = Base64.getEncoder().encodeToString(filled(160, (byte) i));
            payloads.add("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + payload + "\"}");
            caller.media(payload, 20L * (i + 1));
        }
        FakeRealtimeServer.Connection model = modelOf(ann, scenario);
        until(WAIT, () -> model.received("input_audio_buffer.append").size() == 5, "five appends");
        assertThat(model.received("input_audio_buffer.append")).containsExactlyElementsOf(payloads);
        caller.stop(ticket.callSid());
        until(WAIT, () -> !model.isOpen());
    }

    @Test
    void malformedFramesFromEitherSideAreCountedAndSkipped() {
        Tenant ann = newTenant();
        Live call = live(ann);
        var before = monitor.stats();
        call.caller().raw("this is not json");
        call.caller().raw("{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"%%%not-base64%%%\"}}");
        call.caller().raw("{\"event\":\"teleport\"}");
        call.model().send("{\"no_type\":true}");
        call.caller().media(CALLER_AUDIO, 60);
        assertThat(call.model().awaitMessage("input_audio_buffer.append", WAIT)).contains(CALLER_AUDIO);
        call.model().send(delta("item_ok", AUDIO_100MS));
        assertThat(call.caller().await("media", WAIT)).isNotNull();
        var after = monitor.stats();
        assertThat(after.malformedCarrierFrames() - before.malformedCarrierFrames()).isEqualTo(3);
        assertThat(after.malformedModelEvents() - before.malformedModelEvents()).isEqualTo(1);
        call.caller().stop(call.ticket().callSid());
    }

    @Test
    void noSocketOrThreadIsLeftBehindAfterManyCalls() {
        Tenant ann = newTenant();
        runCalls(ann, 24);
        until(WAIT, () -> openai.openConnections() == 0 && monitor.stats().active() == 0, "the warm-up calls to end");
        int threadsAfterWarmUp = ManagementFactory.getThreadMXBean().getThreadCount();

        runCalls(ann, 48);
        until(WAIT, () -> openai.openConnections() == 0, "every model socket to close");
        until(WAIT, () -> monitor.stats().active() == 0, "every live call to end");
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsAfterWarmUp + 6);
    }

    /** Caller audio keeps flowing, as in a live call, until the stream is closed. */
    private static void feed(FakeTwilioCaller caller, long timestampMs) {
        try {
            if (!caller.isClosed()) caller.media(CALLER_AUDIO, timestampMs);
        } catch (RuntimeException closing) {
            // the stream is being closed
        }
    }

    /** Calls ending every way there is: caller stops, caller drops, model drops, tool ends it. */
    private void runCalls(Tenant tenant, int n) {
        List<Live> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) calls.add(live(tenant));
        for (int i = 0; i < n; i++) {
            Live call = calls.get(i);
            call.caller().media(CALLER_AUDIO, 20);
            switch (i % 4) {
                case 0 -> call.caller().stop(call.ticket().callSid());
                case 1 -> call.caller().close();
                case 2 -> call.model().abort();
                default -> {
                    call.caller().echoMarks = true;
                    call.model().send(toolCall("c" + i, "end_call"));
                    call.model().send(RESPONSE_DONE);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Live call = calls.get(i);
            if (i % 4 == 3) {
                until(WAIT, () -> !twilio.requests("POST", ".*/Calls/" + call.ticket().callSid() + "\\.json").isEmpty(), "hang-up " + call.ticket().callSid());
                call.caller().stop(call.ticket().callSid());
            }
            if (i % 4 == 2) {
                long[] timestamp = {40};
                until(WAIT, () -> {
                    feed(call.caller(), timestamp[0] += 20);
                    return call.caller().isClosed();
                }, "the caller's stream to end after the model dropped");
            }
            call.caller().close();
        }
    }
}
