package dev.parley.bootstrap;

import dev.parley.adapter.out.openai.testing.FakeRealtimeServer;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.application.shared.Transactions;
import dev.parley.application.telephony.port.out.PhoneNumberRepository;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.telephony.UserPhoneNumber;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.parley.adapter.out.openai.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization agents end to end (seed 003), with no stand-ins: organizations and their configuration over
 * HTTP, a tenant's number routed to an organization, the real bridge between the fake Twilio caller and the
 * fake Realtime server, the Twilio REST stand-in, the console socket and the database.
 */
@MicronautTest(transactional = false)
class OrganizationCallsTest extends TelephonyTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String DESK = "+14155550177";
    private static final String CONFIG = """
            {"business":{"name":"Maple Clinic %s","description":"A family practice.","address":"1 Main St","time_zone":"America/New_York",
              "hours":[{"day":"monday","open":"09:00","close":"17:00"}],"services":["Check-ups"]},
             "safety":{"assistant_is_not":["a medical professional"],"never_do":["Recommend medication"]},
             "escalation":{"transfer_number":%s,"emergency_keywords":["chest pain"],"high_priority_keywords":["fever"]},
             "intake":{"fields":[{"name":"full_name","type":"string","required":true,"description":"Full name"},
                                 {"name":"date_of_birth","type":"date","required":true}]},
             "voice":"sage","language":"en"}""";

    @Inject
    PhoneNumberRepository phoneNumbers;
    @Inject
    Transactions transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.remove("parley.test.telephony-stand-ins");
        properties.put("parley.twilio.phone-number", TelephonyStandIns.SYSTEM_NUMBER.e164());
        return properties;
    }

    private long newOrg(Tenant tenant, String marker, String transferNumber) {
        HttpJson.Reply created = http.postJson("/api/orgs", "{\"name\":\"Maple " + marker + "\"}", tenant.accessToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long org = ((Number) created.map().get("org_id")).longValue();
        HttpJson.Reply configured = http.postJson("/api/org/config/" + org,
                CONFIG.formatted(marker, transferNumber == null ? "null" : "\"" + transferNumber + "\""), tenant.accessToken());
        assertThat(configured.status()).as(configured.body()).isEqualTo(200);
        return org;
    }

    private PhoneNumber numberOf(Tenant tenant) {
        PhoneNumber ours = randomNumber();
        transactions.run(() -> phoneNumbers.add(new UserPhoneNumber(phoneNumbers.nextId(), tenant.id(), ours,
                "PN" + UUID.randomUUID().toString().replace("-", ""), null, true, true, "default", Instant.now())));
        return ours;
    }

    record Live(long callId, String sid, FakeTwilioCaller caller, FakeRealtimeServer.Connection model) {
    }

    /** A caller dials {@code ours}; the model connection is the one briefed for {@code marker}'s organization. */
    private Live call(PhoneNumber ours, String marker) {
        String sid = newSid();
        HttpJson.Reply twiml = twilioPost("/incoming-call", voiceForm(sid, new PhoneNumber("+14155550100"), ours, "ringing"));
        Ticket ticket = ticket(sid, twiml.body());
        FakeTwilioCaller caller = caller().start(sid, Long.toString(ticket.callId()), ticket.token());
        FakeRealtimeServer.Connection[] found = new FakeRealtimeServer.Connection[1];
        until(WAIT, () -> {
            found[0] = openai.connections().stream().filter(c -> c.received().stream().anyMatch(m -> m.contains("Maple Clinic " + marker)))
                    .findFirst().orElse(null);
            return found[0] != null;
        }, "the organization's model connection");
        return new Live(ticket.callId(), sid, caller, found[0]);
    }

    private static String callerSaid(String itemId, String text) {
        return "{\"type\":\"conversation.item.input_audio_transcription.completed\",\"event_id\":\"e\",\"item_id\":\"" + itemId
                + "\",\"content_index\":0,\"transcript\":\"" + text + "\"}";
    }

    private static String toolCall(String callId, String name, String argumentsJson) {
        return "{\"type\":\"response.function_call_arguments.done\",\"event_id\":\"e\",\"response_id\":\"resp_" + callId + "\","
                + "\"item_id\":\"item_" + callId + "\",\"output_index\":0,\"call_id\":\"" + callId + "\",\"name\":\"" + name
                + "\",\"arguments\":\"" + argumentsJson.replace("\"", "\\\"") + "\"}";
    }

    private static final String RESPONSE_DONE = "{\"type\":\"response.done\",\"event_id\":\"e\",\"response\":{\"id\":\"resp\",\"status\":\"completed\"}}";

    private Map<String, Object> details(Tenant tenant, long callId) {
        HttpJson.Reply reply = http.get("/api/calls/" + callId, tenant.accessToken());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    @Test
    @SuppressWarnings("unchecked")
    void organizationsAreCreatedConfiguredWithFieldNamingValidationAndKeptFromOtherTenants() {
        Tenant ann = newTenant();
        Tenant bob = newTenant();
        long org = newOrg(ann, "A" + UUID.randomUUID(), DESK);

        Map<String, Object> config = http.get("/api/org/config/" + org, ann.accessToken()).map();
        assertThat((Map<String, Object>) config.get("escalation")).containsEntry("transfer_number", DESK).containsEntry("mode", "transfer");
        assertThat((Map<String, Object>) config.get("business")).containsEntry("time_zone", "America/New_York");
        assertThat(config).containsEntry("voice", "sage");
        HttpJson.Reply partial = http.postJson("/api/org/config/" + org, "{\"voice\":\"coral\"}", ann.accessToken());
        assertThat(partial.map()).containsEntry("voice", "coral");
        assertThat((Map<String, Object>) partial.map().get("escalation")).as("sections left out are kept").containsEntry("transfer_number", DESK);

        for (var bad : Map.of("{\"voice\":\"robot\"}", "voice",
                "{\"business\":{\"name\":\"X\",\"time_zone\":\"Mars/Olympus\"}}", "business.time_zone",
                "{\"business\":{\"name\":\"X\",\"hours\":[{\"day\":\"funday\",\"open\":\"09:00\",\"close\":\"10:00\"}]}}", "business.hours[0].day",
                "{\"escalation\":{\"transfer_number\":\"call me\"}}", "escalation.transfer_number",
                "{\"intake\":{\"fields\":[{\"name\":\"Bad Name\",\"type\":\"string\"}]}}", "intake.fields.name",
                "{\"intake\":{\"fields\":[{\"name\":\"kind\",\"type\":\"colour\"}]}}", "intake.fields[0].type").entrySet()) {
            HttpJson.Reply refused = http.postJson("/api/org/config/" + org, bad.getKey(), ann.accessToken());
            assertThat(refused.status()).as(bad.getKey()).isEqualTo(422);
            assertThat(refused.body()).as(bad.getKey()).contains("\"" + bad.getValue() + "\"");
        }
        assertThat(http.postJson("/api/orgs", "{\"name\":\"\"}", ann.accessToken()).status()).isEqualTo(422);

        assertThat(http.get("/api/orgs", bob.accessToken()).list()).isEmpty();
        assertThat(http.get("/api/org/config/" + org, bob.accessToken()).status()).isEqualTo(404);
        assertThat(http.postJson("/api/org/config/" + org, "{\"voice\":\"ash\"}", bob.accessToken()).status()).isEqualTo(404);
        assertThat(http.delete("/api/orgs/" + org, bob.accessToken()).status()).isEqualTo(404);
        assertThat(http.get("/api/org/config/not-an-id", ann.accessToken()).status()).isEqualTo(404);
        assertThat(http.get("/make-org-call/%2B14155550100/" + org, bob.accessToken()).status()).isEqualTo(404);
        PhoneNumber bobs = numberOf(bob);
        assertThat(http.putJson("/twilio/user-numbers/" + bobs.e164().replace("+", "%2B"), "{\"org_id\":" + org + "}", bob.accessToken())
                .status()).as("bob cannot route his number to ann's organization").isEqualTo(404);
        assertThat(http.get("/api/orgs", ann.accessToken()).list()).extracting(o -> ((Number) o.get("org_id")).longValue()).containsExactly(org);
        assertThat(http.delete("/api/orgs/" + org, ann.accessToken()).status()).isEqualTo(200);
        assertThat(http.get("/api/orgs", ann.accessToken()).list()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEmergencyKeywordOnANumberRoutedToAnOrganizationTransfersTellsTheConsoleAndIsStored() throws Exception {
        Tenant ann = newTenant();
        String marker = "E" + UUID.randomUUID();
        long org = newOrg(ann, marker, DESK);
        PhoneNumber ours = numberOf(ann);
        HttpJson.Reply routed = http.putJson("/twilio/user-numbers/" + ours.e164().replace("+", "%2B"), "{\"org_id\":" + org + "}",
                ann.accessToken());
        assertThat(routed.status()).as(routed.body()).isEqualTo(200);
        assertThat(routed.map()).containsEntry("inbound_scenario", "org:" + org);

        try (ConsoleClient console = new ConsoleClient(server.getURI(), "?token=" + ann.accessToken()
                + "&call_id=&language=auto&model=nova-2&client_type=telephony", json)) {
            console.send("{\"type\":\"ping\"}");
            assertThat(console.next("pong")).isNotNull();
            Live call = call(ours, marker);
            String update = call.model().received("session.update").getFirst();
            assertThat(update).contains("You are NOT a medical professional").contains("\"escalate_to_human\"")
                    .contains("\"complete_intake\"").contains("\"end_call\"").doesNotContain("\"transfer_to_human\"")
                    .contains("\"voice\":\"sage\"").contains("\"language\":\"en\"");
            assertThat(call.model().awaitMessage("response.create", WAIT)).as("the organization's assistant greets first").isNotNull();

            call.model().send(callerSaid("item_u1", "Hi, I have had chest pain since this morning."));
            String path = ".*/Calls/" + call.sid() + "\\.json";
            until(WAIT, () -> !twilio.requests("POST", path).isEmpty(), "the transfer");
            TwilioApiStub.Recorded transfer = twilio.requests("POST", path).getFirst();
            assertThat(transfer.formValue("Twiml")).contains("<Say>").contains("<Dial><Number>" + DESK + "</Number></Dial>");

            Map<String, Object> event;
            do event = console.next("call_status_update"); while (!"escalated".equals(event.get("status")));
            assertThat(event).containsEntry("call_id", Long.toString(call.callId())).containsEntry("urgency", "emergency")
                    .containsEntry("action", "transferred");
            assertThat((String) event.get("reason")).contains("chest pain");

            until(WAIT, () -> !((List<?>) details(ann, call.callId()).get("escalations")).isEmpty(), "the escalation record");
            Map<String, Object> d = details(ann, call.callId());
            assertThat(d).containsEntry("org_id", (int) org).containsEntry("phase", "escalation");
            assertThat((List<Map<String, Object>>) d.get("escalations")).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("source", "emergency_keyword").containsEntry("words", "chest pain")
                    .containsEntry("urgency", "emergency").containsEntry("action", "transferred").containsKey("timestamp"));
            call.caller().stop(call.sid());
            until(WAIT, () -> !call.model().isOpen(), "the model socket to close");

            Map<String, Object> listed = http.get("/api/calls?org_id=" + org, ann.accessToken()).map();
            assertThat((List<Map<String, Object>>) listed.get("calls")).extracting(c -> ((Number) c.get("id")).longValue())
                    .containsExactly(call.callId());
            Tenant bob = newTenant();
            assertThat(http.get("/api/calls/" + call.callId(), bob.accessToken()).status()).isEqualTo(404);
            assertThat(http.postJson("/api/calls/" + call.callId() + "/escalate", "{\"reason\":\"x\"}", bob.accessToken()).status()).isEqualTo(404);
            assertThat((List<?>) http.get("/api/calls?org_id=" + org, bob.accessToken()).map().get("calls")).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void completeIntakeWithAMissingFieldIsAnErrorToFixThenTheCompleteOneIsStoredWithoutATransferNumberCallsAreFlagged() {
        Tenant ann = newTenant();
        String marker = "I" + UUID.randomUUID();
        long org = newOrg(ann, marker, null);
        PhoneNumber ours = numberOf(ann);
        assertThat(http.putJson("/twilio/user-numbers/" + ours.e164().replace("+", "%2B"), "{\"org_id\":" + org + "}", ann.accessToken())
                .status()).isEqualTo(200);
        Live call = call(ours, marker);
        call.model().send(callerSaid("item_u1", "Hello, I would like an appointment."));

        call.model().send(toolCall("c1", "complete_intake", "{\"fields\":{\"full_name\":\"Ann Lee\"},\"urgency\":\"normal\"}"));
        call.model().send(RESPONSE_DONE);
        String refused = call.model().awaitMessage("conversation.item.create", WAIT);
        assertThat(refused).contains("\"c1\"").contains("Missing required field date_of_birth");
        until(WAIT, () -> "clarification".equals(details(ann, call.callId()).get("phase")), "the clarification phase");
        assertThat((Map<String, Object>) details(ann, call.callId()).get("intake")).containsEntry("complete", false);

        call.model().send(toolCall("c2", "complete_intake", "{\"fields\":{\"full_name\":\"Ann Lee\",\"date_of_birth\":\"1980-02-29\"},\"urgency\":\"high\"}"));
        call.model().send(RESPONSE_DONE);
        until(WAIT, () -> call.model().received("conversation.item.create").stream().anyMatch(m -> m.contains("\"c2\"")), "the second result");
        assertThat(call.model().received("conversation.item.create").stream().filter(m -> m.contains("\"c2\"")).findFirst().orElseThrow())
                .contains("The intake is saved");
        until(WAIT, () -> "completed".equals(details(ann, call.callId()).get("phase")), "the completed phase");
        Map<String, Object> intake = (Map<String, Object>) details(ann, call.callId()).get("intake");
        assertThat(intake).containsEntry("complete", true).containsEntry("urgency", "high");
        assertThat((Map<String, Object>) intake.get("data")).containsEntry("full_name", "Ann Lee").containsEntry("date_of_birth", "1980-02-29");

        call.model().send(toolCall("c3", "escalate_to_human", "{\"reason\":\"Wants a nurse\",\"urgency\":\"high\"}"));
        call.model().send(RESPONSE_DONE);
        until(WAIT, () -> call.model().received("conversation.item.create").stream().anyMatch(m -> m.contains("\"c3\"")), "the escalation result");
        assertThat(call.model().received("conversation.item.create").stream().filter(m -> m.contains("\"c3\"")).findFirst().orElseThrow())
                .contains("will call the caller back");
        HttpJson.Reply manual = http.postJson("/api/calls/" + call.callId() + "/escalate", "{\"reason\":\"Supervisor review\",\"urgency\":\"normal\"}",
                ann.accessToken());
        assertThat(manual.status()).as(manual.body()).isEqualTo(201);
        assertThat(http.postJson("/api/calls/" + call.callId() + "/escalate", "{\"urgency\":\"panic\"}", ann.accessToken()).status()).isEqualTo(422);
        List<Map<String, Object>> escalations = (List<Map<String, Object>>) details(ann, call.callId()).get("escalations");
        assertThat(escalations).extracting(e -> e.get("source")).containsExactly("assistant", "manual");
        assertThat(escalations).extracting(e -> e.get("action")).containsExactly("flagged", "flagged");
        assertThat(twilio.requests("POST", ".*/Calls/" + call.sid() + "\\.json")).as("nobody to transfer to").isEmpty();
        call.caller().stop(call.sid());
        until(WAIT, () -> !call.model().isOpen(), "the model socket to close");
    }
}
