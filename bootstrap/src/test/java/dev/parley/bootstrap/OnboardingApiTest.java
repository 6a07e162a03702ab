package dev.parley.bootstrap;

import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.adapter.out.twilio.testing.TwilioNumbersScript;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Onboarding over HTTP: started at registration, steps detected from real numbers and scenarios, resumable. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingApiTest implements TestPropertyProvider {
    private final TwilioApiStub twilio = new TwilioApiStub();
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    HttpJson http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("parley.twilio.account-sid", "ACtest", "parley.twilio.auth-token", "secret-token",
                "parley.twilio.api-base-url", twilio.baseUrl());
    }

    @AfterAll
    void stop() {
        twilio.close();
    }

    @BeforeEach
    void client() {
        http = new HttpJson(server, json);
    }

    private String newUser() {
        return (String) http.newUser("o-" + UUID.randomUUID() + "@example.com").get("access_token");
    }

    @Test
    void registrationStartsOnboardingAndRealStateCompletesSteps() {
        new TwilioNumbersScript(twilio, "ACtest").purchasesSucceed();
        String ann = newUser();
        HttpJson.Reply status = http.get("/onboarding/status", ann);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.map()).containsEntry("phone_number_setup", false).containsEntry("current_step", "phone_setup")
                .containsEntry("is_complete", false).containsEntry("completed_steps", 0).containsEntry("total_steps", 4)
                .containsKey("started_at").containsEntry("completed_at", null);
        Object startedAt = status.map().get("started_at");
        assertThat(http.get("/onboarding/next-action", ann).map()).containsEntry("step", "phone_setup").containsEntry("priority", "high")
                .containsEntry("endpoint", "/twilio/search-numbers");

        String number = "+1505" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_999_999));
        assertThat(http.postJson("/twilio/provision-number", "{\"phone_number\":\"" + number + "\"}", ann).status()).isEqualTo(201);
        assertThat(http.get("/onboarding/check-step/phone_setup", ann).map()).containsEntry("completed", true)
                .containsEntry("step", "phone_setup");
        assertThat(http.get("/onboarding/check-step/first_scenario_created", ann).map()).containsEntry("completed", false);

        http.postJson("/realtime/custom-scenario", "{\"persona\":\"p\",\"prompt\":\"q\"}", ann);
        Map<String, Object> afterScenario = http.get("/onboarding/status", ann).map();
        assertThat(afterScenario).containsEntry("first_scenario_created", true).containsEntry("current_step", "calendar_connected")
                .containsEntry("progress_percent", 50);

        HttpJson.Reply calendar = http.postJson("/onboarding/complete-step", "{\"step\":\"calendar_connected\"}", ann);
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(200);
        assertThat(calendar.map()).containsEntry("calendar_connected", true).containsEntry("current_step", "welcome_call_completed");
        assertThat(http.get("/onboarding/check-step/welcome_call_completed", ann).map()).containsEntry("completed", false);

        Map<String, Object> done = http.postJson("/onboarding/complete-step", "{\"step\":\"welcome_call_completed\"}", ann).map();
        assertThat(done).containsEntry("is_complete", true).containsEntry("current_step", null).containsEntry("progress_percent", 100);
        Object completedAt = done.get("completed_at");
        assertThat(completedAt).isNotNull();
        assertThat(http.get("/onboarding/next-action", ann).map()).containsEntry("onboarding_complete", true).containsEntry("step", null);

        Map<String, Object> reinitialised = http.postJson("/onboarding/initialize", "", ann).map();
        assertThat(reinitialised).containsEntry("is_complete", true).containsEntry("completed_at", completedAt)
                .containsEntry("started_at", startedAt);
        assertThat(http.postJson("/onboarding/complete-step", "{\"step\":\"phone_setup\"}", ann).map())
                .containsEntry("completed_at", completedAt);
    }

    @Test
    void progressIsPerUserAndBadStepsAre422() {
        String ann = newUser();
        String bob = newUser();
        http.postJson("/onboarding/complete-step", "{\"step\":\"calendar_connected\"}", ann);
        assertThat(http.get("/onboarding/status", bob).map()).containsEntry("calendar_connected", false);

        HttpJson.Reply unknown = http.postJson("/onboarding/complete-step", "{\"step\":\"bake_a_cake\"}", ann);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"step\"").contains("phone_setup");
        assertThat(http.postJson("/onboarding/complete-step", "{}", ann).status()).isEqualTo(422);
        assertThat(http.get("/onboarding/check-step/nope", ann).status()).isEqualTo(422);
        assertThat(http.get("/onboarding/status", null).status()).isEqualTo(401);
    }
}
