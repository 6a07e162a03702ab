package dev.parley.application.telephony.service;

import dev.parley.application.telephony.port.out.NumberDirectory;
import dev.parley.application.telephony.port.out.NumberRoute;
import dev.parley.application.telephony.port.out.PhoneNumberRepository;
import dev.parley.application.telephony.port.out.TelephonyPolicy;
import dev.parley.application.telephony.port.out.TenantLookup;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/**
 * Routes a dialled number: a tenant's provisioned number goes to that tenant and the number's
 * inbound scenario. In development mode the system number (TWILIO_PHONE_NUMBER), which nobody
 * owns, goes to DEVELOPMENT_INBOUND_USER_EMAIL's account, or to the first registered user when
 * that is not set, with the {@code default} scenario. Anything else is unassigned.
 */
public final class NumberDirectoryService implements NumberDirectory {
    private final PhoneNumberRepository numbers;
    private final TenantLookup tenants;
    private final TelephonyPolicy policy;

    public NumberDirectoryService(PhoneNumberRepository numbers, TenantLookup tenants, TelephonyPolicy policy) {
        this.numbers = numbers;
        this.tenants = tenants;
        this.policy = policy;
    }

    @Override
    public NumberRoute route(PhoneNumber dialled) {
        return numbers.findOwner(dialled)
                .<NumberRoute>map(n -> new NumberRoute.Assigned(n.tenant(), n.inboundScenario()))
                .or(() -> developmentRoute(dialled))
                .orElseGet(NumberRoute.Unassigned::new);
    }

    private Optional<NumberRoute> developmentRoute(PhoneNumber dialled) {
        if (!policy.developmentMode() || policy.systemNumber().filter(dialled::equals).isEmpty()) return Optional.empty();
        Optional<TenantId> tenant = policy.developmentInboundEmail().isEmpty() ? tenants.firstRegistered()
                : tenants.byEmail(policy.developmentInboundEmail());
        return tenant.map(t -> new NumberRoute.Assigned(t, "default"));
    }
}
