package dev.parley.bootstrap;

import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.telephony.port.in.ChooseCallerIdUseCase;
import dev.parley.application.telephony.port.out.NumberDirectory;
import dev.parley.application.telephony.port.out.NumberRoute;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test stand-ins for the ports the workspace context implements (scenarios, caller ID, number
 * routing), so the call-context tests script routing and scenarios directly. Only where a test
 * sets {@code parley.test.telephony-stand-ins=true} (TelephonyTestSupport does); there they are
 * {@code @Primary} over the real beans. {@code WorkspaceCallsTest} runs the real ones end to end.
 */
@Factory
public class TelephonyStandIns {
    public static final PhoneNumber SYSTEM_NUMBER = new PhoneNumber("+15550001111");

    /** Numbers tests assign to tenants; everything else is unassigned. */
    public static final class Numbers implements NumberDirectory {
        private final Map<PhoneNumber, NumberRoute.Assigned> routes = new ConcurrentHashMap<>();

        public void assign(PhoneNumber number, TenantId tenant, String scenarioRef) {
            routes.put(number, new NumberRoute.Assigned(tenant, scenarioRef));
        }

        @Override
        public NumberRoute route(PhoneNumber dialled) {
            NumberRoute.Assigned assigned = routes.get(dialled);
            return assigned == null ? new NumberRoute.Unassigned() : assigned;
        }
    }

    @Singleton
    @Primary @Requires(property = "parley.test.telephony-stand-ins", value = "true")
    Numbers numberDirectory() {
        return new Numbers();
    }

    /** Built-in {@code default} and {@code sales}, and any custom id starting with {@code custom-}; {@code *-greets} greet first. */
    @Singleton
    @Primary @Requires(property = "parley.test.telephony-stand-ins", value = "true")
    FindCallScenarioUseCase scenarios() {
        return (tenant, ref) -> ref.equals("default") || ref.equals("sales") || ref.startsWith("custom-")
                ? Optional.of(new CallScenario(ref, "Scenario " + ref, "You are the " + ref + " assistant of tenant " + tenant + ".",
                "coral", 0.8, ref.endsWith("-greets")))
                : Optional.empty();
    }

    @Singleton
    @Primary @Requires(property = "parley.test.telephony-stand-ins", value = "true")
    ChooseCallerIdUseCase callerIds() {
        return tenant -> SYSTEM_NUMBER;
    }
}
