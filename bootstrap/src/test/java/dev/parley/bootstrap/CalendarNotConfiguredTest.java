package dev.parley.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Without GOOGLE_CLIENT_ID the calendar routes answer 503 saying so, and Google's callback fails cleanly. */
@MicronautTest(transactional = false)
class CalendarNotConfiguredTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void everyCalendarRouteAnswers503NotConfigured() {
        HttpJson http = new HttpJson(server, json);
        Map<String, Object> tokens = http.newUser("nocal-" + UUID.randomUUID() + "@example.com");
        String access = (String) tokens.get("access_token");
        for (HttpJson.Reply r : List.of(http.get("/google-calendar/auth", access), http.get("/google-calendar/events", access),
                http.postJson("/google-calendar/find-slots", "{\"duration_minutes\":30}", access),
                http.get("/make-calendar-call-scenario/%2B14155550100", access))) {
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.map()).containsEntry("detail", "Google Calendar is not configured").containsEntry("status_code", 503);
        }
        assertThat(http.get("/google-calendar/status", access).map()).containsEntry("connected", false);
        HttpJson.Reply callback = http.get("/google-calendar/callback?code=x&state=y", null);
        assertThat(callback.status()).isEqualTo(302);
        assertThat(callback.header("Location")).contains("error=calendar_connection_failed").contains("not+configured");
    }
}
