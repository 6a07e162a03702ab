package dev.parley.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Register → login → /users/me → refresh → logout, end to end over HTTP on the real database. */
@MicronautTest(transactional = false)
class AccountsApiTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    HttpJson http;

    @BeforeEach
    void client() {
        http = new HttpJson(server, json);
    }

    private static String email() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void theWholeAccountLifecycleWorks() {
        String email = email();
        HttpJson.Reply registered = http.postJson("/auth/register",
                "{\"email\":\"  " + email.toUpperCase() + "\",\"password\":\"secure_password\"}", null);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.map()).containsEntry("email", email).containsEntry("is_active", true)
                .containsEntry("is_admin", false).containsKey("id");

        HttpJson.Reply login = http.postJson("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"secure_password\"}", null);
        assertThat(login.status()).isEqualTo(200);
        Map<String, Object> tokens = login.map();
        assertThat(tokens).containsEntry("token_type", "bearer").containsKeys("access_token", "refresh_token", "expires_in");
        String access = (String) tokens.get("access_token");
        assertThat(access.split("\\.")).hasSize(3);

        HttpJson.Reply me = http.get("/users/me", access);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.map()).containsEntry("email", email).containsEntry("is_active", true).containsEntry("is_admin", false)
                .containsEntry("id", registered.map().get("id"));

        String refresh = (String) tokens.get("refresh_token");
        HttpJson.Reply refreshed = http.postJson("/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}", null);
        assertThat(refreshed.status()).isEqualTo(200);
        String rotated = (String) refreshed.map().get("refresh_token");
        assertThat(rotated).isNotEqualTo(refresh);
        assertThat(http.get("/users/me", (String) refreshed.map().get("access_token")).status()).isEqualTo(200);

        HttpJson.Reply reused = http.postJson("/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}", null);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.map()).containsEntry("status_code", 401).containsEntry("detail", "Invalid or expired refresh token");
        // replaying the rotated-out token revoked the whole sign-in, including the newest token
        assertThat(http.postJson("/auth/refresh", "{\"refresh_token\":\"" + rotated + "\"}", null).status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Map<String, Object> tokens = http.newUser(email());
        String refresh = (String) tokens.get("refresh_token");

        HttpJson.Reply out = http.postJson("/auth/logout", "{\"refresh_token\":\"" + refresh + "\"}", null);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.map()).containsEntry("message", "Logged out");
        assertThat(http.postJson("/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}", null).status()).isEqualTo(401);
        assertThat(http.postJson("/auth/logout", "{\"refresh_token\":\"" + refresh + "\"}", null).status()).isEqualTo(200);
    }

    @Test
    void loginFailuresDoNotRevealWhetherTheEmailExists() {
        String email = email();
        http.newUser(email);
        HttpJson.Reply wrongPassword = http.postJson("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong_password1\"}", null);
        HttpJson.Reply unknownEmail = http.postJson("/auth/login", "{\"email\":\"" + email() + "\",\"password\":\"secure_password\"}", null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.map().get("detail")).isEqualTo(wrongPassword.map().get("detail")).isEqualTo("Incorrect email or password");
        assertThat(wrongPassword.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void theOAuth2PasswordGrantTakesFormData() {
        String email = email();
        http.newUser(email);
        HttpJson.Reply token = http.postForm("/token", "grant_type=password&username=" + email + "&password=secure_password", null);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.map()).containsEntry("token_type", "bearer").containsKey("access_token");
        assertThat(http.get("/users/me", (String) token.map().get("access_token")).status()).isEqualTo(200);

        HttpJson.Reply wrongGrant = http.postForm("/token", "grant_type=client_credentials&username=" + email + "&password=secure_password", null);
        assertThat(wrongGrant.status()).isEqualTo(422);
        assertThat(wrongGrant.map().get("detail").toString()).contains("grant_type");
        assertThat(http.postForm("/token", "username=" + email + "&password=nope_nope_1", null).status()).isEqualTo(401);
    }

    @Test
    void anEmailRegistersOnceWhateverItsCase() {
        String email = email();
        http.newUser(email);
        HttpJson.Reply again = http.postJson("/auth/register", "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"secure_password\"}", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.map()).containsEntry("detail", "Email already registered").containsEntry("status_code", 409);
    }

    @Test
    void aSecondUserCannotSeeOrEndTheFirstUsersSessions() {
        String annAccess = (String) http.newUser(email()).get("access_token");
        String bobAccess = (String) http.newUser(email()).get("access_token");

        HttpJson.Reply annSessions = http.get("/auth/sessions", annAccess);
        assertThat(annSessions.status()).isEqualTo(200);
        assertThat(annSessions.list()).hasSize(1);
        Number annSessionId = (Number) annSessions.list().getFirst().get("id");

        HttpJson.Reply bobSessions = http.get("/auth/sessions", bobAccess);
        assertThat(bobSessions.list()).extracting(s -> s.get("id")).doesNotContain(annSessionId);

        HttpJson.Reply stolen = http.delete("/auth/sessions/" + annSessionId, bobAccess);
        assertThat(stolen.status()).isEqualTo(404);
        assertThat(stolen.map()).containsEntry("detail", "Session not found").containsEntry("status_code", 404);
        assertThat(http.get("/auth/sessions", annAccess).list()).hasSize(1);

        assertThat(http.delete("/auth/sessions/" + annSessionId, annAccess).status()).isEqualTo(200);
        // ending the session this token belongs to ends the token too (issue 13, defect 6)
        assertThat(http.get("/auth/sessions", annAccess).status()).isEqualTo(401);
        assertThat(http.delete("/auth/sessions/" + annSessionId, annAccess).status()).isEqualTo(401);
    }
}
