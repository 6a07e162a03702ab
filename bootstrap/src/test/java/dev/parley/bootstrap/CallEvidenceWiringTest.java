package dev.parley.bootstrap;

import dev.parley.application.onboarding.port.out.CallActivity;
import dev.parley.domain.shared.TenantId;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the call context provides a {@link CallActivity}, it replaces the "nothing detected"
 * fallback and onboarding completes welcome_call_completed from it: the integration path.
 */
@MicronautTest(transactional = false)
@Property(name = "spec.name", value = "CallEvidenceWiringTest")
class CallEvidenceWiringTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    CompletedCalls calls;

    @Singleton
    @Requires(property = "spec.name", value = "CallEvidenceWiringTest")
    static class CompletedCalls implements CallActivity {
        final Set<TenantId> tenants = ConcurrentHashMap.newKeySet();

        @Override
        public boolean hasCompletedCall(TenantId tenant) {
            return tenants.contains(tenant);
        }
    }

    @Test
    void aCompletedCallCompletesTheWelcomeCallStep() {
        HttpJson http = new HttpJson(server, json);
        String token = (String) http.newUser("c-" + java.util.UUID.randomUUID() + "@example.com").get("access_token");
        assertThat(http.get("/onboarding/check-step/welcome_call_completed", token).map()).containsEntry("completed", false);

        long id = ((Number) http.get("/users/me", token).map().get("id")).longValue();
        calls.tenants.add(new TenantId(id));
        assertThat(http.get("/onboarding/check-step/welcome_call_completed", token).map()).containsEntry("completed", true);
        assertThat(http.get("/onboarding/status", token).map()).containsEntry("welcome_call_completed", true);
    }
}
