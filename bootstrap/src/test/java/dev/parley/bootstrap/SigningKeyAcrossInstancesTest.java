package dev.parley.bootstrap;

import dev.parley.adapter.out.persistence.testing.PostgresRequirement;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Probe defect 1: start with SECRET_KEY=&lt;64 hex&gt;, sign in, restart with the same key, and the old
 * access token answered 401 (application.yml's {@code ${SECRET_KEY:${random.uuid}${random.uuid}}}
 * made the signing key SECRET_KEY plus a fresh UUID). Contexts here start the way {@code main} does
 * ({@link Application#configure}), without the test environment's fixed key.
 */
class SigningKeyAcrossInstancesTest {
    private static final String KEY = "5f0c9a7e3b1d4c2a8e6f9b0d1c3a5e7f9b2d4c6e8a0f1b3d5c7e9a2b4d6f8a0c";
    private final String database = "jdbc:h2:mem:signing-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Test
    void aTokenIssuedBeforeARestartAndByAnotherInstanceWithTheSameSecretKeyIsAccepted() {
        // the PostgreSQL pass cleans the schema at every start, which would drop the user between instances
        assumeTrue(!PostgresRequirement.isPostgresRun(), "runs in the H2 pass");
        String token;
        try (EmbeddedServer first = start(KEY)) {
            HttpJson http = http(first);
            http.postJson("/auth/register", "{\"email\":\"ann@example.com\",\"password\":\"secure_password1\"}", null);
            token = http.postJson("/auth/login", "{\"email\":\"ann@example.com\",\"password\":\"secure_password1\"}", null)
                    .map().get("access_token").toString();
            try (EmbeddedServer second = start(KEY)) {
                assertThat(http(second).get("/users/me", token).status()).as("a second instance sharing SECRET_KEY").isEqualTo(200);
            }
        }
        try (EmbeddedServer restarted = start(KEY)) {
            assertThat(http(restarted).get("/users/me", token).status()).as("the same key after a restart").isEqualTo(200);
        }
        try (EmbeddedServer otherKey = start(KEY.replace('5', '6'))) {
            assertThat(http(otherKey).get("/users/me", token).status()).as("a different key").isEqualTo(401);
        }
    }

    private EmbeddedServer start(String secretKey) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "datasources.default.url", database,
                "parley.secret-key", secretKey,
                "parley.password-hashing.memory-kib", 1024,
                "parley.password-hashing.iterations", 1));
        ApplicationContextBuilder builder = ApplicationContext.builder().deduceEnvironment(false).properties(properties);
        Application.configure(builder, Map.of("SECRET_KEY", secretKey));
        ApplicationContext context = builder.start();
        return context.getBean(EmbeddedServer.class).start();
    }

    private static HttpJson http(EmbeddedServer server) {
        return new HttpJson(server, server.getApplicationContext().getBean(JsonMapper.class));
    }
}
