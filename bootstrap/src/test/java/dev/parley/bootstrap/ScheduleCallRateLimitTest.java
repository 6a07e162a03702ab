package dev.parley.bootstrap;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004's limit on scheduling: 3 a minute per user, then 429 with Retry-After; other users keep their budget. */
@MicronautTest(transactional = false)
@Property(name = "parley.rate-limit.enabled", value = "true")
class ScheduleCallRateLimitTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void theFourthScheduleInAMinuteIsRefusedWith429() {
        HttpJson http = new HttpJson(server, json);
        String ann = (String) http.newUser("limit-" + UUID.randomUUID() + "@example.com").get("access_token");
        String bob = (String) http.newUser("limit-" + UUID.randomUUID() + "@example.com").get("access_token");
        String at = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = "{\"phone_number\":\"+15055550100\",\"scenario\":\"sales\",\"scheduled_time\":\"" + at + "\"}";
        for (int i = 0; i < 3; i++) {
            HttpJson.Reply ok = http.postJson("/schedule-call", body, ann);
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        }
        HttpJson.Reply limited = http.postJson("/schedule-call", body, ann);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.map()).containsEntry("status_code", 429);
        assertThat(limited.map().get("detail").toString()).contains("3 requests per minute");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(http.postJson("/schedule-call", body, bob).status()).isEqualTo(201);
        assertThat(http.get("/scheduled-calls", ann).status()).isEqualTo(200);
    }
}
