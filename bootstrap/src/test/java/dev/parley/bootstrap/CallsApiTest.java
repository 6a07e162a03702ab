package dev.parley.bootstrap;

import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.domain.shared.PhoneNumber;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Placing calls, Twilio's signed webhooks and the calls API, end to end over HTTP against the Twilio REST stand-in. */
@MicronautTest(transactional = false)
class CallsApiTest extends TelephonyTestSupport {

    @Test
    void makeCallStoresTheCallAndDialsThroughTwilio() {
        Tenant ann = newTenant();
        HttpJson.Reply reply = http.get("/make-call/%2B14155550100/sales", ann.accessToken());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.map()).containsEntry("status", "success");
        String sid = (String) reply.map().get("call_sid");
        assertThat(sid).startsWith("CA");
        long callId = ((Number) reply.map().get("call_id")).longValue();

        TwilioApiStub.Recorded create = twilio.requests("POST", ".*/Calls.json").getFirst();
        assertThat(create.formValue("To")).isEqualTo("+14155550100");
        assertThat(create.formValue("From")).isEqualTo(TelephonyStandIns.SYSTEM_NUMBER.e164());
        assertThat(create.formValue("Url")).isEqualTo(PUBLIC_URL + "/outbound-call/" + callId);
        assertThat(create.formValue("StatusCallback")).isEqualTo(PUBLIC_URL + "/call-status/" + callId);
        assertThat(create.form().get("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered", "completed");
        assertThat(create.formValue("Record")).isEqualTo("true");
        assertThat(create.formValue("RecordingStatusCallback")).isEqualTo(PUBLIC_URL + "/recording-callback");

        List<Map<String, Object>> calls = listCalls(ann);
        assertThat(calls).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("call_sid", sid).containsEntry("direction", "outbound").containsEntry("status", "queued")
                .containsEntry("customer_number", "+14155550100").containsEntry("scenario", "sales"));

        HttpJson.Reply custom = http.get("/make-custom-call/+14155550100/custom-42", ann.accessToken());
        assertThat(custom.status()).as(custom.body()).isEqualTo(200);
        assertThat(custom.map()).containsEntry("status", "Custom call initiated");
        assertThat(listCalls(ann)).hasSize(2);
    }

    @Test
    void badCallRequestsAreClearErrors() {
        Tenant ann = newTenant();
        assertThat(http.get("/make-call/%2B14155550100/sales", null).status()).isEqualTo(401);
        HttpJson.Reply unknown = http.get("/make-call/%2B14155550100/no-such-scenario", ann.accessToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.map()).containsEntry("detail", "Scenario not found");
        HttpJson.Reply badNumber = http.get("/make-call/12ab/sales", ann.accessToken());
        assertThat(badNumber.status()).isEqualTo(422);
        assertThat(twilio.requests()).isEmpty();

        twilio.on("POST", ".*/Calls.json", 400, TwilioApiStub.error(400, 21211, "The 'To' number is not a valid phone number."));
        HttpJson.Reply refused = http.get("/make-call/%2B14155550100/sales", ann.accessToken());
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.map().get("detail").toString()).contains("could not be placed");
        assertThat(listCalls(ann)).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("status", "failed").containsEntry("end_reason", "carrier-refused"));
    }

    @Test
    void anAnsweredOutboundCallIsConnectedToItsMediaStream() {
        Tenant ann = newTenant();
        HttpJson.Reply placed = http.get("/make-call/%2B14155550100/sales", ann.accessToken());
        String sid = (String) placed.map().get("call_sid");
        long callId = ((Number) placed.map().get("call_id")).longValue();
        Map<String, String> form = voiceForm(sid, TelephonyStandIns.SYSTEM_NUMBER, new PhoneNumber("+14155550100"), "in-progress");

        HttpJson.Reply twiml = twilioPost("/outbound-call/" + callId, form);
        assertThat(twiml.status()).isEqualTo(200);
        assertThat(twiml.header("Content-Type")).startsWith("application/xml");
        assertThat(twiml.body()).contains("<Connect><Stream url=\"wss://parley.example.com/media-stream\">");
        assertThat(parameter(twiml.body(), "callId")).isEqualTo(Long.toString(callId));
        assertThat(parameter(twiml.body(), "token")).hasSizeGreaterThan(40);

        HttpJson.Reply foreign = twilioPost("/outbound-call/" + callId, voiceForm(newSid(), TelephonyStandIns.SYSTEM_NUMBER,
                new PhoneNumber("+14155550100"), "in-progress"));
        assertThat(foreign.body()).contains("<Say>").contains("<Hangup/>").doesNotContain("<Stream");
    }

    @Test
    void anInboundCallIsStoredAndAnsweredWithAStream() {
        Tenant ann = newTenant();
        PhoneNumber ours = randomNumber();
        numbers.assign(ours, ann.id(), "default");
        String sid = newSid();
        HttpJson.Reply reply = twilioPost("/incoming-call", voiceForm(sid, new PhoneNumber("+14155550123"), ours, "ringing"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).startsWith("<?xml").contains("<Response><Connect><Stream url=\"wss://parley.example.com/media-stream\">");
        Ticket ticket = ticket(sid, reply.body());
        assertThat(listCalls(ann)).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("id", (int) ticket.callId()).containsEntry("call_sid", sid).containsEntry("direction", "inbound")
                .containsEntry("status", "ringing").containsEntry("customer_number", "+14155550123")
                .containsEntry("organization_number", ours.e164()).containsEntry("scenario", "default"));
    }

    @Test
    void anUnknownNumberHearsAPoliteRefusal() {
        HttpJson.Reply reply = twilioPost("/incoming-call", voiceForm(newSid(), new PhoneNumber("+14155550123"), randomNumber(), "ringing"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("<Say>Sorry, this number is not in service. Goodbye.</Say><Hangup/>").doesNotContain("<Stream");
        HttpJson.Reply garbage = twilioPost("/incoming-call", Map.of("CallSid", "CAx", "From", "anonymous", "To", "nope"));
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(garbage.body()).contains("<Hangup/>");
    }

    @Test
    void forgedOrUnsignedWebhooksAre403AndChangeNothing() {
        Tenant ann = newTenant();
        PhoneNumber ours = randomNumber();
        numbers.assign(ours, ann.id(), "default");
        Map<String, String> form = voiceForm(newSid(), new PhoneNumber("+14155550123"), ours, "ringing");

        assertThat(twilioPost("/incoming-call", form, null).status()).isEqualTo(403);
        assertThat(twilioPost("/incoming-call", form, "bm90IGEgc2lnbmF0dXJl").status()).isEqualTo(403);
        String signedForAnotherUrl = TwilioSignatures.sign(AUTH_TOKEN, "https://evil.example.com/incoming-call", form);
        HttpJson.Reply forged = twilioPost("/incoming-call", form, signedForAnotherUrl);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.map()).containsEntry("status_code", 403);
        String signedWithAnotherToken = TwilioSignatures.sign("another-token", PUBLIC_URL + "/incoming-call", form);
        assertThat(twilioPost("/incoming-call", form, signedWithAnotherToken).status()).isEqualTo(403);
        assertThat(listCalls(ann)).isEmpty();

        Ticket call = inboundCall(ann, "default");
        Map<String, String> completed = voiceForm(call.callSid(), new PhoneNumber("+14155550123"), ours, "completed");
        assertThat(twilioPost("/call-status", completed, "Zm9yZ2Vk").status()).isEqualTo(403);
        assertThat(twilioPost("/outbound-call/" + call.callId(), completed, "Zm9yZ2Vk").status()).isEqualTo(403);
        assertThat(call(ann, call.callId()).get("status")).isEqualTo("ringing");
    }

    @Test
    void statusCallbacksMoveACallForwardOnlyWhateverTheirOrder() {
        Tenant ann = newTenant();
        Ticket call = inboundCall(ann, "default");
        PhoneNumber from = new PhoneNumber("+14155550123");
        PhoneNumber to = new PhoneNumber("+14155550199");
        Map<String, String> inProgress = voiceForm(call.callSid(), from, to, "in-progress");
        inProgress.put("Timestamp", "Sun, 01 Mar 2026 12:00:05 +0000");
        inProgress.put("SequenceNumber", "1");
        Map<String, String> completed = voiceForm(call.callSid(), from, to, "completed");
        completed.put("Timestamp", "Sun, 01 Mar 2026 12:00:47 +0000");
        completed.put("CallDuration", "42");
        completed.put("SequenceNumber", "2");
        Map<String, String> lateRinging = voiceForm(call.callSid(), from, to, "ringing");
        lateRinging.put("SequenceNumber", "0");

        assertThat(twilioPost("/call-status", inProgress).status()).isEqualTo(204);
        assertThat(twilioPost("/call-status", completed).status()).isEqualTo(204);
        assertThat(twilioPost("/call-status", lateRinging).status()).isEqualTo(204);
        assertThat(twilioPost("/call-status", inProgress).status()).isEqualTo(204);
        assertThat(twilioPost("/call-status", completed).status()).isEqualTo(204);
        assertThat(twilioPost("/call-status", voiceForm(call.callSid(), from, to, "exploded")).status()).isEqualTo(204);
        assertThat(twilioPost("/call-status", voiceForm(newSid(), from, to, "completed")).status()).isEqualTo(204);

        Map<String, Object> c = call(ann, call.callId());
        assertThat(c).containsEntry("status", "completed").containsEntry("duration", 42)
                .containsEntry("answered_at", "2026-03-01T12:00:05Z").containsEntry("end_time", "2026-03-01T12:00:47Z");
    }

    @Test
    void anotherTenantsCallIsNotFound() {
        Tenant ann = newTenant();
        Tenant bob = newTenant();
        Ticket call = inboundCall(ann, "default");
        HttpJson.Reply stolen = http.get("/api/calls/" + call.callId(), bob.accessToken());
        assertThat(stolen.status()).isEqualTo(404);
        assertThat(stolen.map()).containsEntry("detail", "Call not found");
        assertThat(listCalls(bob)).isEmpty();
        assertThat(http.get("/api/calls/" + call.callId(), ann.accessToken()).status()).isEqualTo(200);
        assertThat(http.get("/api/calls/abc", ann.accessToken()).status()).isEqualTo(404);
        assertThat(http.get("/api/calls?limit=1000", ann.accessToken()).status()).isEqualTo(422);
    }

    @Test
    void callListsArePaged() {
        Tenant ann = newTenant();
        for (int i = 0; i < 3; i++) inboundCall(ann, "default");
        HttpJson.Reply page = http.get("/api/calls?skip=1&limit=1", ann.accessToken());
        assertThat(page.map()).containsEntry("total", 3).containsEntry("skip", 1).containsEntry("limit", 1);
        assertThat((List<?>) page.map().get("calls")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> listCalls(Tenant tenant) {
        HttpJson.Reply reply = http.get("/api/calls", tenant.accessToken());
        assertThat(reply.status()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.map().get("calls");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(Tenant tenant, long id) {
        HttpJson.Reply reply = http.get("/api/calls/" + id, tenant.accessToken());
        assertThat(reply.status()).isEqualTo(200);
        return (Map<String, Object>) reply.map().get("call");
    }
}
