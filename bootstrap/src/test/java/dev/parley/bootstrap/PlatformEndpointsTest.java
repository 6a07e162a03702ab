package dev.parley.bootstrap;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, OpenAPI document and its UI, metrics, CORS for the front end. */
@MicronautTest(transactional = false)
@Property(name = "parley.metrics-token", value = PlatformEndpointsTest.SCRAPE_TOKEN)
class PlatformEndpointsTest {
    static final String SCRAPE_TOKEN = "scrape-7f3c1e9a2b";

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
        // everything the page loads in a browser is served too, and none of its scripts is inline
        java.util.regex.Matcher assets = java.util.regex.Pattern.compile("(?:src|href|data-spec)=\"([^\"]+)\"").matcher(docs.body());
        java.util.List<String> loaded = new java.util.ArrayList<>();
        while (assets.find()) loaded.add(assets.group(1));
        assertThat(loaded).contains("/swagger-ui/res/swagger-ui-bundle.js", "/docs/parley-docs.js", "/docs/parley-0.1.yml");
        for (String asset : loaded) assertThat(http.get(asset, null).status()).as(asset).isEqualTo(200);
        assertThat(http.get("/docs/parley-0.1.yml", null).body()).contains("/auth/register");
        assertThat(docs.body()).as("no inline script").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");

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
    void prometheusMetricsAreExposedToTheScraperOnly() {
        HttpJson.Reply metrics = http.get("/prometheus", SCRAPE_TOKEN);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");

        // probe (issue 13, item 8): /prometheus answered anyone
        assertThat(http.get("/prometheus", null).status()).isEqualTo(401);
        assertThat(http.get("/prometheus/", null).status()).isIn(401, 404);
        assertThat(http.get("/prometheus", "wrong-" + SCRAPE_TOKEN).status()).isEqualTo(401);
        String tenant = (String) http.newUser("metrics-" + java.util.UUID.randomUUID() + "@example.com").get("access_token");
        assertThat(http.get("/prometheus", tenant).status()).as("a tenant's token does not open platform metrics").isEqualTo(403);
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
        // probe (issue 13, item 8): the docs CSP allowed 'unsafe-inline' scripts
        assertThat(docs.header("Content-Security-Policy")).contains("script-src 'self';").doesNotContain("script-src 'self' 'unsafe-inline'");
    }
}
