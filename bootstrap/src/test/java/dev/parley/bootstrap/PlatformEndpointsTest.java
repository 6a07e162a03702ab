package dev.parley.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, OpenAPI document and its UI, metrics, CORS for the front end. */
@MicronautTest(transactional = false)
class PlatformEndpointsTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    HttpJson http;

    @BeforeEach
    void client() {
        http = new HttpJson(server, json);
    }

    @Test
    void healthIsUpAndShowsTheDatabaseOnlyToSignedInUsers() {
        HttpJson.Reply anonymous = http.get("/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.map()).containsEntry("status", "UP");
        assertThat(anonymous.body()).doesNotContain("jdbc");

        String token = (String) http.newUser("health-" + java.util.UUID.randomUUID() + "@example.com").get("access_token");
        HttpJson.Reply detailed = http.get("/health", token);
        assertThat(detailed.body()).contains("jdbc").contains("\"status\":\"UP\"");
    }

    @Test
    void theOpenApiDocumentDescribesTheAccountRoutesAndTheUiServesIt() {
        HttpJson.Reply docs = http.get("/docs/index.html", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).containsIgnoringCase("swagger");
        // everything the page loads in a browser is served too
        java.util.regex.Matcher assets = java.util.regex.Pattern.compile("contextPath \\+ \"([^\"]+)\"").matcher(docs.body());
        java.util.List<String> loaded = new java.util.ArrayList<>();
        while (assets.find()) loaded.add(assets.group(1));
        java.util.regex.Matcher specUrl = java.util.regex.Pattern.compile("url: contextPath \\+ '([^']+)'").matcher(docs.body());
        assertThat(specUrl.find()).isTrue();
        loaded.add(specUrl.group(1));
        assertThat(loaded).contains("/swagger-ui/res/swagger-ui-bundle.js");
        for (String asset : loaded) assertThat(http.get(asset, null).status()).as(asset).isEqualTo(200);
        assertThat(http.get(specUrl.group(1), null).body()).contains("/auth/register");

        HttpJson.Reply spec = http.get("/swagger/parley-0.1.yml", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/auth/register", "/auth/login", "/auth/refresh", "/token", "/users/me");
    }

    @Test
    void docsWithoutTheTrailingPathLeadToTheUi() {
        HttpJson.Reply docs = http.get("/docs", null);
        assertThat(docs.status()).isIn(200, 301, 302, 303, 307, 308);
    }

    @Test
    void prometheusMetricsAreExposed() {
        HttpJson.Reply metrics = http.get("/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
    }

    @Test
    void theFrontEndOriginMayCallTheApi() {
        HttpJson.Reply preflight = http.send(http.request("/auth/login", null)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization"));
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");

        HttpJson.Reply foreign = http.send(http.request("/auth/login", null)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        HttpJson.Reply api = http.get("/users/me", null);
        assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(api.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.header("Strict-Transport-Security")).startsWith("max-age=");
        HttpJson.Reply docs = http.get("/docs/index.html", null);
        assertThat(docs.header("Content-Security-Policy")).contains("script-src 'self' 'unsafe-inline'");
    }
}
