package dev.parley.bootstrap;

import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.domain.shared.TenantId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Custom scenarios over HTTP on the real database: both route families, validation, the limit, isolation. */
@MicronautTest(transactional = false)
class ScenariosApiTest {
    private static final String BODY = "{\"persona\":\"You are a friendly sales representative.\",\"prompt\":\"Understand the needs.\","
            + "\"voice_type\":\"aggressive_male\",\"temperature\":0.7}";
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    FindCallScenarioUseCase callScenarios;
    HttpJson http;

    @BeforeEach
    void client() {
        http = new HttpJson(server, json);
    }

    private String newUser() {
        return (String) http.newUser("s-" + UUID.randomUUID() + "@example.com").get("access_token");
    }

    private static long userId(HttpJson http, String token) {
        return ((Number) http.get("/users/me", token).map().get("id")).longValue();
    }

    @Test
    void theSeedRoutesCreateListUpdateAndDelete() {
        String ann = newUser();
        HttpJson.Reply created = http.postJson("/realtime/custom-scenario", BODY, ann);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String scenarioId = (String) created.map().get("scenario_id");
        assertThat(scenarioId).matches("custom_" + userId(http, ann) + "_\\d{10}");
        assertThat(created.map()).containsEntry("message", "Custom scenario created successfully");

        List<Map<String, Object>> listed = http.get("/custom-scenarios", ann).list();
        assertThat(listed).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("scenario_id", scenarioId).containsEntry("voice_type", "aggressive_male")
                .containsEntry("realtime_voice", "ash").containsEntry("temperature", 0.7)
                .containsEntry("persona", "You are a friendly sales representative.").containsKeys("id", "created_at"));

        HttpJson.Reply updated = http.putJson("/custom-scenarios/" + scenarioId, "{\"persona\":\"Updated persona...\","
                + "\"prompt\":\"Updated prompt...\",\"voice_type\":\"concerned_female\",\"temperature\":0.8}", ann);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.map()).containsEntry("voice_type", "concerned_female").containsEntry("prompt", "Updated prompt...");

        CallScenario forCall = callScenarios.find(new TenantId(userId(http, ann)), scenarioId).orElseThrow();
        assertThat(forCall.instructions()).contains("Updated persona...").contains("Updated prompt...");
        assertThat(forCall.voice()).isEqualTo("shimmer");

        HttpJson.Reply deleted = http.delete("/custom-scenarios/" + scenarioId, ann);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.map()).containsEntry("message", "Custom scenario deleted successfully");
        assertThat(http.get("/custom-scenarios", ann).list()).isEmpty();
        assertThat(http.delete("/custom-scenarios/" + scenarioId, ann).status()).isEqualTo(404);
    }

    @Test
    void theOlderRealtimeFamilyWorksByScenarioIdAndByNumericId() {
        String ann = newUser();
        Map<String, Object> created = http.postJson("/realtime/custom-scenario", BODY, ann).map();
        String scenarioId = (String) created.get("scenario_id");
        Number id = (Number) created.get("id");

        assertThat(http.get("/realtime/custom-scenarios", ann).list()).hasSize(1);
        assertThat(http.get("/realtime/custom-scenario/" + scenarioId, ann).map()).containsEntry("scenario_id", scenarioId);
        assertThat(http.get("/realtime/custom-scenario/" + id, ann).map()).containsEntry("scenario_id", scenarioId);
        HttpJson.Reply put = http.putJson("/realtime/custom-scenario/" + id, "{\"persona\":\"P2\",\"prompt\":\"Q2\"}", ann);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.map()).containsEntry("voice_type", "professional_neutral").containsEntry("temperature", 0.8);
        assertThat(http.delete("/realtime/custom-scenario/" + scenarioId, ann).status()).isEqualTo(200);
        assertThat(http.get("/realtime/custom-scenario/" + scenarioId, ann).status()).isEqualTo(404);
    }

    @Test
    void badInputIsA422NamingTheField() {
        String ann = newUser();
        assertField(http.postJson("/realtime/custom-scenario", "{\"prompt\":\"x\"}", ann), "persona");
        assertField(http.postJson("/realtime/custom-scenario", "{\"persona\":\"x\",\"prompt\":\"  \"}", ann), "prompt");
        assertField(http.postJson("/realtime/custom-scenario", "{\"persona\":\"x\",\"prompt\":\"y\",\"voice_type\":\"robot\"}", ann),
                "voice_type");
        assertField(http.postJson("/realtime/custom-scenario", "{\"persona\":\"x\",\"prompt\":\"y\",\"temperature\":1.5}", ann),
                "temperature");
        assertField(http.postJson("/realtime/custom-scenario", "{\"persona\":\"" + "x".repeat(4001) + "\",\"prompt\":\"y\"}", ann),
                "persona");
        HttpJson.Reply wrongType = http.postJson("/realtime/custom-scenario", "{\"persona\":\"x\",\"prompt\":\"y\",\"temperature\":\"hot\"}", ann);
        assertThat(wrongType.status()).isBetween(400, 422);
        assertThat(http.postJson("/realtime/custom-scenario", "{\"persona\":", ann).status()).isEqualTo(400);
        assertThat(http.postJson("/realtime/custom-scenario", BODY, null).status()).isEqualTo(401);
        assertThat(http.get("/custom-scenarios", ann).list()).isEmpty();
    }

    @Test
    void theTwentyFirstScenarioIsRefusedWithAClearMessage() {
        String ann = newUser();
        for (int i = 0; i < 20; i++) assertThat(http.postJson("/custom-scenarios", BODY, ann).status()).isEqualTo(201);
        HttpJson.Reply refused = http.postJson("/realtime/custom-scenario", BODY, ann);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.map()).containsEntry("status_code", 409);
        assertThat((String) refused.map().get("detail")).contains("at most 20");
        assertThat(http.get("/custom-scenarios", ann).list()).hasSize(20);
        assertThat(http.postJson("/realtime/custom-scenario", BODY, newUser()).status()).isEqualTo(201);
    }

    @Test
    void anotherUsersScenarioIsNotFound() {
        String ann = newUser();
        String bob = newUser();
        Map<String, Object> created = http.postJson("/realtime/custom-scenario", BODY, ann).map();
        String scenarioId = (String) created.get("scenario_id");
        Number id = (Number) created.get("id");

        assertThat(http.get("/custom-scenarios", bob).list()).isEmpty();
        for (String ref : List.of(scenarioId, id.toString())) {
            HttpJson.Reply read = http.get("/realtime/custom-scenario/" + ref, bob);
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.map()).containsEntry("detail", "Scenario not found").containsEntry("status_code", 404);
            assertThat(http.putJson("/custom-scenarios/" + ref, BODY, bob).status()).isEqualTo(404);
            assertThat(http.delete("/custom-scenarios/" + ref, bob).status()).isEqualTo(404);
        }
        assertThat(callScenarios.find(new TenantId(userId(http, bob)), scenarioId)).isEmpty();
        assertThat(http.get("/custom-scenarios", ann).list()).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("persona", "You are a friendly sales representative."));
    }

    @Test
    void builtInsAndTheVoiceCatalogueAreListed() {
        String ann = newUser();
        List<Map<String, Object>> builtIns = http.get("/scenarios", ann).list();
        assertThat(builtIns).extracting(s -> s.get("name")).contains("default", "sales", "customer_service", "appointment_reminder");
        List<Map<String, Object>> voices = http.get("/scenarios/voices", ann).list();
        assertThat(voices).anySatisfy(v -> assertThat(v).containsEntry("voice_type", "aggressive_male").containsEntry("realtime_voice", "ash"));
        assertThat(callScenarios.find(new TenantId(userId(http, ann)), "appointment_reminder")).isPresent();
    }

    @Test
    void theOpenApiDocumentDescribesTheWorkspaceRoutes() {
        HttpJson.Reply spec = http.get("/swagger/parley-0.1.yml", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/realtime/custom-scenario", "/custom-scenarios/{scenarioId}", "/realtime/custom-scenarios",
                "/scenarios/voices", "/twilio/provision-number", "/twilio/release-number/", "/onboarding/status",
                "/onboarding/check-step/{step}");
    }

    private static void assertField(HttpJson.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.map()).containsEntry("status_code", 422).containsKey("detail");
        assertThat(reply.body()).contains("\"field\":\"" + field + "\"");
    }
}
