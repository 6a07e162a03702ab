package dev.parley.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authenticated request path stays on its own thread: bearer tokens are checked by Parley's in-line validator with
 * its cache of verified tokens, not by Micronaut's reactive one, which hands every check to the blocking executor.
 */
@MicronautTest(transactional = false)
class RequestPathTest {
    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void theOnlyTokenValidatorIsTheInlineCachingOne() {
        assertThat(context.getBeansOfType(TokenValidator.class)).extracting(v -> v.getClass().getSimpleName())
                .containsExactly("VerifiedTokens");
    }

    @Test
    void aTokenWorksAgainFromTheCacheAndATamperedOneIsRefused() {
        HttpJson http = new HttpJson(server, json);
        String access = (String) http.newUser("path-" + UUID.randomUUID() + "@example.com").get("access_token");
        assertThat(http.get("/users/me", access).status()).isEqualTo(200);
        assertThat(http.get("/users/me", access).status()).isEqualTo(200);
        String tampered = access.substring(0, access.length() - 2) + (access.endsWith("A") ? "BB" : "AA");
        assertThat(http.get("/users/me", tampered).status()).isEqualTo(401);
        assertThat(http.get("/users/me", "not-a-jwt").status()).isEqualTo(401);
    }
}
