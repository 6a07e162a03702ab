package dev.parley.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probe defect 6: after logout, ending a session, or a detected refresh-token reuse, the access token of
 * that sign-in kept working until it expired (30 min). It now names its sign-in ({@code sid}) and is
 * refused once the sign-in has ended, on REST and on the console socket.
 */
@MicronautTest(transactional = false)
class SessionRevocationTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private HttpJson http() {
        return new HttpJson(server, json);
    }

    private Map<String, Object> signIn(HttpJson http, String email) {
        return http.postJson("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"secure_password\"}", null).map();
    }

    @Test
    void logoutEndsTheAccessTokenOfThatSignInOnly() {
        HttpJson http = http();
        String email = "revoke-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> first = http.newUser(email);
        Map<String, Object> second = signIn(http, email);
        String access = (String) first.get("access_token");
        assertThat(http.get("/users/me", access).status()).isEqualTo(200);

        assertThat(http.postJson("/auth/logout", "{\"refresh_token\":\"" + first.get("refresh_token") + "\"}", null).status()).isEqualTo(200);
        HttpJson.Reply refused = http.get("/users/me", access);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.map()).containsEntry("code", "auth.session-ended");
        assertThat(http.get("/users/me", (String) second.get("access_token")).status()).as("the other sign-in").isEqualTo(200);

        try (ConsoleClient console = new ConsoleClient(server.getURI(), "?token=" + access, json)) {
            assertThat(console.next().get("type")).isEqualTo("telephony_error");
            assertThat(console.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void endingASessionEndsItsAccessTokensAndRotationKeepsThemAlive() {
        HttpJson http = http();
        String email = "end-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> phone = http.newUser(email);
        Map<String, Object> laptop = signIn(http, email);
        String laptopAccess = (String) laptop.get("access_token");

        // a refresh rotates the refresh token: the sign-in goes on, and so do its earlier access tokens
        Map<String, Object> rotated = http.postJson("/auth/refresh", "{\"refresh_token\":\"" + phone.get("refresh_token") + "\"}", null).map();
        assertThat(http.get("/users/me", (String) phone.get("access_token")).status()).isEqualTo(200);
        assertThat(http.get("/users/me", (String) rotated.get("access_token")).status()).isEqualTo(200);

        // the phone ends the laptop's session from the session list
        var sessions = http.get("/auth/sessions", (String) rotated.get("access_token")).list();
        assertThat(sessions).hasSize(2);
        long newest = ((Number) sessions.getFirst().get("id")).longValue();
        assertThat(http.delete("/auth/sessions/" + newest, (String) rotated.get("access_token")).status()).isEqualTo(200);
        int laptopStatus = http.get("/users/me", laptopAccess).status();
        int phoneStatus = http.get("/users/me", (String) rotated.get("access_token")).status();
        assertThat(java.util.List.of(laptopStatus, phoneStatus)).as("exactly the ended sign-in is refused").containsExactlyInAnyOrder(200, 401);
    }

    @Test
    void aReplayedRefreshTokenEndsTheAccessTokensOfItsWholeSignIn() {
        HttpJson http = http();
        Map<String, Object> signedIn = http.newUser("replay-" + UUID.randomUUID() + "@example.com");
        String original = (String) signedIn.get("refresh_token");
        Map<String, Object> rotated = http.postJson("/auth/refresh", "{\"refresh_token\":\"" + original + "\"}", null).map();
        String current = (String) rotated.get("access_token");
        assertThat(http.get("/users/me", current).status()).isEqualTo(200);

        // the rotated-away token comes back: it leaked, so the whole sign-in ends
        assertThat(http.postJson("/auth/refresh", "{\"refresh_token\":\"" + original + "\"}", null).status()).isEqualTo(401);
        assertThat(http.get("/users/me", current).status()).isEqualTo(401);
        assertThat(http.get("/users/me", (String) signedIn.get("access_token")).status()).isEqualTo(401);
    }
}
