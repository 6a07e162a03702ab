package dev.parley.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input answers a clear 4xx in the {"detail", "status_code"} shape; never a 500, never internals. */
@MicronautTest(transactional = false)
class ErrorResponsesTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    HttpJson http;

    @BeforeEach
    void client() {
        http = new HttpJson(server, json);
    }

    private static void assertProblem(HttpJson.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        Map<String, Object> body = reply.map();
        assertThat(body).containsEntry("status_code", status).containsKey("detail");
        assertThat(reply.body()).doesNotContainIgnoringCase("exception").doesNotContain("at [Source").doesNotContain("SELECT ")
                .doesNotContain("io.micronaut").doesNotContain("dev.parley");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void missingFieldsAre422NamingEachField() {
        HttpJson.Reply reply = http.postJson("/auth/register", "{}", null);
        assertProblem(reply, 422);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.map().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).contains("email", "password");
    }

    @Test
    void aWeakPasswordIs422WithThePolicy() {
        HttpJson.Reply reply = http.postJson("/auth/register", "{\"email\":\"weak@example.com\",\"password\":\"short\"}", null);
        assertProblem(reply, 422);
        assertThat(reply.map().get("detail").toString()).contains("password").contains("8 to 128 characters");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.map().get("errors");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "password"));
    }

    @Test
    void aMalformedEmailIs422OnTheEmailField() {
        HttpJson.Reply reply = http.postJson("/auth/register", "{\"email\":\"not-an-email\",\"password\":\"secure_password\"}", null);
        assertProblem(reply, 422);
        assertThat(reply.body()).contains("\"field\":\"email\"");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(http.postJson("/auth/login", "{\"email\": \"a@b.c\", ", null), 400);
        assertProblem(http.postJson("/auth/login", "not json at all", null), 400);
    }

    @Test
    void wrongTypesAreAClientErrorNotAServerFault() {
        for (String body : List.of("{\"email\":[1,2],\"password\":\"secure_password\"}", "{\"email\":{\"a\":1},\"password\":true}",
                "[]", "\"just a string\"", "null")) {
            HttpJson.Reply reply = http.postJson("/auth/register", body, null);
            assertThat(reply.status()).as(body + " -> " + reply.body()).isBetween(400, 422);
            assertThat(reply.map()).containsKey("detail").containsKey("status_code");
        }
    }

    @Test
    void unknownRoutesAre404EvenWithoutAToken() {
        assertProblem(http.get("/no/such/route", null), 404);
    }

    @Test
    void missingOrForgedTokensAre401() {
        assertProblem(http.get("/users/me", null), 401);
        assertProblem(http.get("/users/me", "not.a.jwt"), 401);
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLWJ5LWF0dGFja2Vy";
        assertProblem(http.get("/users/me", forged), 401);
    }

    @Test
    void oversizeBodiesAre413() {
        String huge = "{\"email\":\"" + "a".repeat(2_000_000) + "\"}";
        HttpJson.Reply reply = http.postJson("/auth/login", huge, null);
        assertThat(reply.status()).isEqualTo(413);
    }

    @Test
    void aWrongContentTypeIs415AndAWrongMethodIs405() {
        HttpJson.Reply textPlain = http.send(http.request("/auth/login", null).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("email=a")));
        assertProblem(textPlain, 415);
        assertProblem(http.delete("/auth/login", null), 405);
    }

    @Test
    void overlongFieldsAre422() {
        HttpJson.Reply reply = http.postJson("/auth/login", "{\"email\":\"" + "a".repeat(300) + "@example.com\",\"password\":\"x\"}", null);
        assertProblem(reply, 422);
    }
}
