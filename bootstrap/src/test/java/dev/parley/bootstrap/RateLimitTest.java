package dev.parley.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004's limits: 5 sign-in attempts a minute per client, then 429 with Retry-After. */
@MicronautTest(transactional = false)
@Property(name = "parley.rate-limit.enabled", value = "true")
class RateLimitTest {
    private static final String ATTEMPT = "{\"email\":\"nobody@example.com\",\"password\":\"guess_number_1\"}";
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void theSixthSignInAttemptInAMinuteIsRefusedWith429() {
        HttpJson http = new HttpJson(server, json);
        for (int i = 0; i < 5; i++) assertThat(http.postJson("/auth/login", ATTEMPT, null).status()).isEqualTo(401);

        HttpJson.Reply limited = http.postJson("/auth/login", ATTEMPT, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.map()).containsEntry("status_code", 429);
        assertThat(limited.map().get("detail").toString()).contains("5 requests per minute");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        // other endpoints keep their own budget; reading is not limited
        assertThat(http.postJson("/auth/refresh", "{\"refresh_token\":\"x\"}", null).status()).isEqualTo(401);
        assertThat(http.get("/health", null).status()).isEqualTo(200);
    }

    /** Probe defect 2a: 20 sign-ins, each with its own spoofed X-Forwarded-For or Forwarded value, were never limited. */
    @Test
    void spoofedForwardingHeadersDoNotBuyFreshBucketsWhenNoProxyHeaderIsConfigured() {
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class,
                Map.of("parley.rate-limit.enabled", "true"), "test")) {
            HttpJson http = new HttpJson(other, json);
            int limited = 0;
            for (int i = 0; i < 20; i++) {
                HttpRequest.Builder attempt = loginFrom(other, i % 2 == 0 ? "X-Forwarded-For" : "Forwarded",
                        i % 2 == 0 ? "203.0.113." + i : "for=198.51.100." + i);
                if (http.send(attempt).status() == 429) limited++;
            }
            assertThat(limited).isEqualTo(15);
        }
    }

    /** Behind a proxy the operator names its header, and then each forwarded client has its own budget. */
    @Test
    void aConfiguredClientAddressHeaderGivesEachForwardedClientItsOwnBudget() {
        try (EmbeddedServer proxied = ApplicationContext.run(EmbeddedServer.class,
                Map.of("parley.rate-limit.enabled", "true", "micronaut.server.client-address-header", "X-Forwarded-For"), "test")) {
            HttpJson http = new HttpJson(proxied, json);
            for (int i = 0; i < 5; i++) assertThat(http.send(loginFrom(proxied, "X-Forwarded-For", "203.0.113.7")).status()).isEqualTo(401);
            assertThat(http.send(loginFrom(proxied, "X-Forwarded-For", "203.0.113.7")).status()).isEqualTo(429);
            assertThat(http.send(loginFrom(proxied, "X-Forwarded-For", "203.0.113.8")).status()).isEqualTo(401);
        }
    }

    /** Probe defect 2b: POST /auth/login/ (and /auth/register/, /auth/refresh/, /token/) skipped the limiter yet signed in. */
    @Test
    void everyPathThatReachesALimitedRouteIsCounted() {
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class,
                Map.of("parley.rate-limit.enabled", "true"), "test")) {
            HttpJson http = new HttpJson(other, json);
            for (int i = 0; i < 3; i++) assertThat(http.postJson("/auth/login", ATTEMPT, null).status()).isEqualTo(401);
            assertThat(http.postJson("/auth/login/", ATTEMPT, null).status()).isEqualTo(401);
            assertThat(http.postJson("/auth/register/", "{\"email\":\"a@example.com\",\"password\":\"x\"}", null).status()).isEqualTo(422);
            assertThat(http.postJson("/auth/login/", ATTEMPT, null).status()).isEqualTo(429);
            assertThat(http.postForm("/token/", "grant_type=password&username=a%40example.com&password=x", null).status()).isEqualTo(429);
            assertThat(http.postJson("/auth/register/", ATTEMPT, null).status()).isEqualTo(429);
            for (int i = 0; i < 10; i++) assertThat(http.postJson("/auth/refresh/", "{\"refresh_token\":\"x\"}", null).status()).isEqualTo(401);
            assertThat(http.postJson("/auth/refresh/", "{\"refresh_token\":\"x\"}", null).status()).isEqualTo(429);
        }
    }

    private static HttpRequest.Builder loginFrom(EmbeddedServer server, String header, String value) {
        return HttpRequest.newBuilder(server.getURI().resolve("/auth/login")).header("Content-Type", "application/json")
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString(ATTEMPT));
    }
}
