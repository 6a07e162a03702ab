package dev.parley.bootstrap;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004's limits: 5 sign-in attempts a minute per client, then 429 with Retry-After. */
@MicronautTest(transactional = false)
@Property(name = "parley.rate-limit.enabled", value = "true")
class RateLimitTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void theSixthSignInAttemptInAMinuteIsRefusedWith429() {
        HttpJson http = new HttpJson(server, json);
        String attempt = "{\"email\":\"nobody@example.com\",\"password\":\"guess_number_1\"}";
        for (int i = 0; i < 5; i++) assertThat(http.postJson("/auth/login", attempt, null).status()).isEqualTo(401);

        HttpJson.Reply limited = http.postJson("/auth/login", attempt, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.map()).containsEntry("status_code", 429);
        assertThat(limited.map().get("detail").toString()).contains("5 requests per minute");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        // other endpoints keep their own budget; reading is not limited
        assertThat(http.postJson("/auth/refresh", "{\"refresh_token\":\"x\"}", null).status()).isEqualTo(401);
        assertThat(http.get("/health", null).status()).isEqualTo(200);
    }
}
