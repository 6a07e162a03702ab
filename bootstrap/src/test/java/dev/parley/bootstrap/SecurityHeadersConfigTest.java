package dev.parley.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004's security headers are configurable: each one overridable, "off" leaves one out, the switch leaves all out. */
class SecurityHeadersConfigTest {

    @Test
    void theDefaultsFollowSeed004() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(), "test")) {
            HttpJson.Reply api = new HttpJson(server, server.getApplicationContext().getBean(JsonMapper.class)).get("/health", null);
            assertThat(api.header("X-XSS-Protection")).isEqualTo("1; mode=block");
            assertThat(api.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(api.header("Permissions-Policy")).contains("camera=()");
        }
    }

    @Test
    void eachHeaderCanBeOverriddenOrLeftOut() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "parley.security-headers.x-frame-options", "SAMEORIGIN",
                "parley.security-headers.content-security-policy", "default-src 'self'",
                "parley.security-headers.strict-transport-security", "off",
                "parley.security-headers.x-xss-protection", "off"), "test")) {
            HttpJson.Reply api = new HttpJson(server, server.getApplicationContext().getBean(JsonMapper.class)).get("/users/me", null);
            assertThat(api.status()).isEqualTo(401);
            assertThat(api.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
            assertThat(api.header("Content-Security-Policy")).isEqualTo("default-src 'self'");
            assertThat(api.header("Strict-Transport-Security")).isNull();
            assertThat(api.header("X-XSS-Protection")).isNull();
            assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void theSwitchLeavesThemAllOut() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("parley.security-headers.enabled", "false"), "test")) {
            HttpJson.Reply api = new HttpJson(server, server.getApplicationContext().getBean(JsonMapper.class)).get("/health", null);
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.header("X-Frame-Options")).isNull();
            assertThat(api.header("Content-Security-Policy")).isNull();
            assertThat(api.header("X-Content-Type-Options")).isNull();
        }
    }
}
