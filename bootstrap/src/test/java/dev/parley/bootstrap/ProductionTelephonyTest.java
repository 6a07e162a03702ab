package dev.parley.bootstrap;

import dev.parley.application.onboarding.port.out.OnboardingRepository;
import dev.parley.application.telephony.port.in.ChooseCallerIdUseCase;
import dev.parley.application.telephony.port.in.NoCallerIdException;
import dev.parley.application.telephony.port.out.NumberDirectory;
import dev.parley.application.telephony.port.out.NumberRoute;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production mode (DEVELOPMENT_MODE=false): no system number for calls or routing; a number of one's own is required. */
@MicronautTest(transactional = false)
@Property(name = "parley.development-mode", value = "false")
@Property(name = "parley.twilio.phone-number", value = "+15550001111")
class ProductionTelephonyTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ChooseCallerIdUseCase callerId;
    @Inject
    NumberDirectory directory;
    @Inject
    OnboardingRepository onboarding;

    @Test
    void aUserWithoutANumberCannotCallAndTheSystemNumberRoutesNowhere() {
        HttpJson http = new HttpJson(server, json);
        String token = (String) http.newUser("p-" + UUID.randomUUID() + "@example.com").get("access_token");
        TenantId tenant = new TenantId(((Number) http.get("/users/me", token).map().get("id")).longValue());

        assertThatThrownBy(() -> callerId.callerIdFor(tenant)).isInstanceOf(NoCallerIdException.class)
                .hasMessageContaining("provision");
        assertThat(directory.route(new PhoneNumber("+15550001111"))).isInstanceOf(NumberRoute.Unassigned.class);
        assertThat(http.get("/twilio/user-primary-number", token).status()).isEqualTo(404);
    }

    @Test
    void registrationItselfStartsOnboarding() {
        HttpJson http = new HttpJson(server, json);
        HttpJson.Reply registered = http.postJson("/auth/register",
                "{\"email\":\"r-" + UUID.randomUUID() + "@example.com\",\"password\":\"secure_password\"}", null);
        TenantId tenant = new TenantId(((Number) registered.map().get("id")).longValue());
        assertThat(onboarding.find(tenant)).isPresent();
    }
}
