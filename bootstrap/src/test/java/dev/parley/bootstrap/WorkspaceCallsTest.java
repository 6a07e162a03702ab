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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace and the live calls together, with no stand-ins: a tenant's custom scenario and
 * provisioned number route a real inbound call, the scenario briefs the model (persona, prompt,
 * safety preamble, voice), and outbound calls show the system number in development mode.
 */
@MicronautTest(transactional = false)
class WorkspaceCallsTest extends TelephonyTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);

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

    private String customScenario(Tenant tenant, String persona) {
        HttpJson.Reply created = http.postJson("/realtime/custom-scenario", "{\"persona\":\"" + persona + "\","
                + "\"prompt\":\"Book a dental check-up and confirm the date.\",\"voice_type\":\"concerned_female\",\"temperature\":0.7}",
                tenant.accessToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.map().get("scenario_id");
    }

    @Test
    void aCallToAProvisionedNumberRunsItsOwnersCustomScenario() {
        Tenant ann = newTenant();
        String persona = "You are Riley, the booking assistant of Acme Dental " + UUID.randomUUID() + ".";
        String scenarioId = customScenario(ann, persona);
        PhoneNumber ours = randomNumber();
        transactions.run(() -> phoneNumbers.add(new UserPhoneNumber(phoneNumbers.nextId(), ann.id(), ours, "PN" + UUID.randomUUID().toString()
                .replace("-", ""), null, true, true, scenarioId, Instant.now())));

        String sid = newSid();
        HttpJson.Reply twiml = twilioPost("/incoming-call", voiceForm(sid, randomNumber(), ours, "ringing"));
        assertThat(twiml.body()).contains("<Connect><Stream").contains("wss://parley.example.com/media-stream");
        Ticket ticket = ticket(sid, twiml.body());
        FakeTwilioCaller caller = caller().start(sid, Long.toString(ticket.callId()), ticket.token());
        FakeRealtimeServer.Connection model = openai.awaitConnection(WAIT);
        String update = model.awaitMessage("session.update", WAIT);

        assertThat(update).contains(persona).contains("Book a dental check-up and confirm the date.")
                .contains("\"voice\":\"shimmer\"").contains("\"audio/pcmu\"");
        caller.stop(sid);
        caller.close();
    }

    @Test
    void anUnownedNumberHearsAPoliteRefusal() {
        HttpJson.Reply twiml = twilioPost("/incoming-call", voiceForm(newSid(), randomNumber(), randomNumber(), "ringing"));
        assertThat(twiml.status()).isEqualTo(200);
        assertThat(twiml.body()).contains("<Say>").contains("<Hangup/>").doesNotContain("<Stream");
    }

    @Test
    void outboundCallsUseTheTenantsCustomScenarioAndTheSystemNumberInDevelopmentMode() {
        Tenant ann = newTenant();
        Tenant bob = newTenant();
        String annScenario = customScenario(ann, "You are Sam from Acme.");

        HttpJson.Reply placed = http.get("/make-custom-call/%2B14155550100/" + annScenario, ann.accessToken());
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.map()).containsEntry("status", "Custom call initiated").containsKey("call_sid");
        TwilioApiStub.Recorded dial = twilio.requests("POST", "/2010-04-01/Accounts/ACtest/Calls.json").getLast();
        assertThat(dial.formValue("From")).isEqualTo(TelephonyStandIns.SYSTEM_NUMBER.e164());
        assertThat(dial.formValue("To")).isEqualTo("+14155550100");

        HttpJson.Reply stolen = http.get("/make-custom-call/%2B14155550100/" + annScenario, bob.accessToken());
        assertThat(stolen.status()).isEqualTo(404);
        assertThat(http.get("/make-call/%2B14155550100/sales", bob.accessToken()).status()).isEqualTo(200);
        assertThat(http.get("/make-call/%2B14155550100/no_such_scenario", bob.accessToken()).status()).isEqualTo(404);
    }
}
