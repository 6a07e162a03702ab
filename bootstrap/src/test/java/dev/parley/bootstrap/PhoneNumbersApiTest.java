package dev.parley.bootstrap;

import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.adapter.out.twilio.testing.TwilioNumbersScript;
import dev.parley.application.telephony.port.in.ChooseCallerIdUseCase;
import dev.parley.application.telephony.port.out.NumberDirectory;
import dev.parley.application.telephony.port.out.NumberRoute;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-user numbers over HTTP: the real Twilio SDK talks HTTP to the local stand-in. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneNumbersApiTest implements TestPropertyProvider {
    private static final String SYSTEM_NUMBER = "+15550001111";
    private final TwilioApiStub twilio = new TwilioApiStub();
    private final TwilioNumbersScript script = new TwilioNumbersScript(twilio, "ACtest");
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    NumberDirectory directory;
    @Inject
    ChooseCallerIdUseCase callerId;
    HttpJson http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("parley.twilio.account-sid", "ACtest", "parley.twilio.auth-token", "secret-token",
                "parley.twilio.api-base-url", twilio.baseUrl(), "parley.twilio.phone-number", SYSTEM_NUMBER,
                "parley.public-url", "https://parley.example");
    }

    @AfterAll
    void stop() {
        twilio.close();
    }

    @BeforeEach
    void client() {
        http = new HttpJson(server, json);
        twilio.reset();
    }

    private String newUser() {
        return (String) http.newUser("n-" + UUID.randomUUID() + "@example.com").get("access_token");
    }

    private static String randomNumber() {
        return "+1505" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_999_999));
    }

    @Test
    void theAccountShowsBalanceAndMode() {
        script.account("Parley test", "12.34");
        HttpJson.Reply account = http.get("/twilio/account", newUser());
        assertThat(account.status()).as(account.body()).isEqualTo(200);
        assertThat(account.map()).containsEntry("account_sid", "ACtest").containsEntry("balance", "12.34")
                .containsEntry("currency", "USD").containsEntry("status", "active").containsEntry("development_mode", true)
                .containsEntry("system_phone_number", SYSTEM_NUMBER);
    }

    @Test
    void searchFindsNumbersThroughTwilio() {
        script.offering(List.of("+15059675418", "+15059675419"));
        HttpJson.Reply found = http.postJson("/twilio/search-numbers", "{\"area_code\":\"505\",\"limit\":10}", newUser());
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.map()).containsEntry("count", 2);
        assertThat(twilio.requests().getFirst().query()).containsEntry("AreaCode", "505");

        assertThat(http.postJson("/twilio/search-numbers", "{\"area_code\":\"5\"}", newUser()).body()).contains("\"field\":\"area_code\"");
        assertThat(http.postJson("/twilio/search-numbers", "{\"limit\":500}", newUser()).status()).isEqualTo(422);
    }

    @Test
    void provisionListPrimaryAndReleaseEndToEnd() {
        script.purchasesSucceed().releasesSucceed();
        String ann = newUser();
        String first = randomNumber();
        String second = randomNumber();

        HttpJson.Reply provisioned = http.postJson("/twilio/provision-number", "{\"phone_number\":\"" + first + "\"}", ann);
        assertThat(provisioned.status()).as(provisioned.body()).isEqualTo(201);
        assertThat(provisioned.map()).containsEntry("phone_number", first).containsEntry("is_primary", true)
                .containsEntry("is_active", true).containsEntry("voice_capable", true);
        assertThat(twilio.requests("POST", script.purchasePath()).getFirst().formValue("VoiceUrl"))
                .isEqualTo("https://parley.example/incoming-call");
        String third = randomNumber();
        http.postJson("/twilio/provision-number", "{\"phone_number\":\"" + third + "\"}", ann);
        assertThat(http.delete("/twilio/release-number/" + third.substring(1), ann).status()).as("without the +").isEqualTo(200);
        http.postJson("/twilio/provision-number", "{\"phone_number\":\"" + second + "\",\"friendly_name\":\"Office\","
                + "\"inbound_scenario\":\"sales\"}", ann);

        assertThat(http.get("/twilio/user-numbers", ann).list()).extracting(n -> n.get("phone_number")).containsExactly(first, second);
        assertThat(http.get("/twilio/user-primary-number", ann).map()).containsEntry("phone_number", first);

        long annId = ((Number) http.get("/users/me", ann).map().get("id")).longValue();
        assertThat(directory.route(new PhoneNumber(second))).isEqualTo(new NumberRoute.Assigned(new TenantId(annId), "sales"));
        assertThat(callerId.callerIdFor(new TenantId(annId))).isEqualTo(new PhoneNumber(SYSTEM_NUMBER));

        HttpJson.Reply released = http.delete("/twilio/release-number/" + first.replace("+", "%2B"), ann);
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.map()).containsEntry("message", "Phone number released successfully");
        assertThat(twilio.requests("DELETE", script.releasePath())).hasSize(2);
        assertThat(http.get("/twilio/user-numbers", ann).list()).extracting(n -> n.get("phone_number")).containsExactly(second);
        assertThat(http.get("/twilio/user-primary-number", ann).map()).containsEntry("phone_number", second);
        assertThat(directory.route(new PhoneNumber(first))).isInstanceOf(NumberRoute.Unassigned.class);
        assertThat(http.delete("/twilio/release-number/" + second, ann).status()).as("a literal +").isEqualTo(200);
        assertThat(http.get("/twilio/user-primary-number", ann).status()).isEqualTo(404);
    }

    @Test
    void aNumberNoLongerAvailableIsA409AndLeavesNoRow() {
        script.purchaseFailsNumberGone();
        String ann = newUser();
        HttpJson.Reply refused = http.postJson("/twilio/provision-number", "{\"phone_number\":\"" + randomNumber() + "\"}", ann);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat((String) refused.map().get("detail")).contains("no longer available");
        assertThat(http.get("/twilio/user-numbers", ann).list()).isEmpty();
    }

    @Test
    void twilioRejectingOurCredentialsIsA502WithAClearMessageAndLeavesNoRow() {
        script.rejectsCredentials();
        String ann = newUser();
        HttpJson.Reply failed = http.postJson("/twilio/provision-number", "{\"phone_number\":\"" + randomNumber() + "\"}", ann);
        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        assertThat(failed.map()).containsEntry("status_code", 502);
        assertThat((String) failed.map().get("detail")).contains("Twilio rejected our credentials");
        assertThat(http.get("/twilio/account", ann).status()).isEqualTo(502);
        assertThat(http.get("/twilio/user-numbers", ann).list()).isEmpty();
    }

    @Test
    void badNumbersAreRefusedBeforeTwilioIsAsked() {
        String ann = newUser();
        HttpJson.Reply bad = http.postJson("/twilio/provision-number", "{\"phone_number\":\"555-CALL-NOW\"}", ann);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"phone_number\"").contains("E.164");
        assertThat(http.postJson("/twilio/provision-number", "{}", ann).status()).isEqualTo(422);
        assertThat(http.postJson("/twilio/provision-number", "{\"phone_number\":\"" + randomNumber() + "\",\"inbound_scenario\":\"nope\"}",
                ann).body()).contains("inbound_scenario");
        assertThat(http.delete("/twilio/release-number/not-a-number", ann).status()).isEqualTo(422);
        assertThat(twilio.requests()).isEmpty();
    }

    @Test
    void anotherUsersNumberIsNotFoundAndCannotBeTaken() {
        script.purchasesSucceed().releasesSucceed();
        String ann = newUser();
        String bob = newUser();
        String number = randomNumber();
        assertThat(http.postJson("/twilio/provision-number", "{\"phone_number\":\"" + number + "\"}", ann).status()).isEqualTo(201);

        assertThat(http.get("/twilio/user-numbers", bob).list()).isEmpty();
        HttpJson.Reply release = http.delete("/twilio/release-number/" + number.replace("+", "%2B"), bob);
        assertThat(release.status()).isEqualTo(404);
        assertThat(release.map()).containsEntry("status_code", 404);
        assertThat(twilio.requests("DELETE", script.releasePath())).isEmpty();
        assertThat(http.postJson("/twilio/provision-number", "{\"phone_number\":\"" + number + "\"}", bob).status()).isEqualTo(409);
        assertThat(twilio.requests("POST", script.purchasePath())).hasSize(1);
        assertThat(http.get("/twilio/user-numbers", ann).list()).hasSize(1);
    }
}
