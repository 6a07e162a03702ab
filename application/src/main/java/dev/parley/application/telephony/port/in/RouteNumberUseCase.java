package dev.parley.application.telephony.port.in;

import dev.parley.domain.shared.TenantId;

/** Routes calls to one of the tenant's numbers to one of its scenarios or organizations. */
public interface RouteNumberUseCase {
    /**
     * @param scenarioRef a scenario's reference, or an organization's {@code org:<id>}
     * @throws PhoneNumberNotFoundException when the tenant holds no such number
     * @throws dev.parley.application.scenario.port.in.ScenarioNotFoundException for a scenario or organization the tenant does not have
     */
    PhoneNumberView route(TenantId tenant, String phoneNumber, String scenarioRef);
}
