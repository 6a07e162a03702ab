package dev.parley.bootstrap;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** No OpenAI key configured: a browser session, a scenario's or an organization's, is 503 (and seed 004's 5 per minute, shared, still holds). */
@MicronautTest(transactional = false)
@Property(name = "parley.rate-limit.enabled", value = "true")
class RealtimeSessionLimitsTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void withoutAKeyItIs503AndTheSixthRequestInAMinuteIs429() {
        HttpJson http = new HttpJson(server, json);
        String ann = (String) http.newUser("rt-" + UUID.randomUUID() + "@example.com").get("access_token");
        HttpJson.Reply org = http.postJson("/api/orgs", "{\"name\":\"Maple\"}", ann);
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        String orgBody = "{\"org_id\":" + org.map().get("org_id") + "}";
        for (int i = 0; i < 5; i++) {
            // scenario and organization sessions spend one budget
            HttpJson.Reply reply = i % 2 == 0 ? http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann)
                    : http.postJson("/api/realtime/session", orgBody, ann);
            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            assertThat(reply.map()).containsEntry("code", "realtime.not-configured");
        }
        assertThat(http.postJson("/realtime/session", "{\"scenario\":\"sales\"}", ann).status()).isEqualTo(429);
        HttpJson.Reply limited = http.postJson("/api/realtime/session", orgBody, ann);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(http.get("/api/calls?org_id=" + org.map().get("org_id"), ann).map()).as("no call without a session").containsEntry("total", 0);
    }
}
