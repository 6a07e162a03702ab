package dev.parley.application.telephony.port.in;

import dev.parley.domain.shared.TenantId;

/** Buys a number for the tenant, its voice webhook pointing at this server; nothing is stored if the purchase fails. */
public interface ProvisionNumberUseCase {
    PhoneNumberView provision(ProvisionNumberCommand command);

    /** @param inboundScenario the scenario calls to this number run; empty means {@code default} */
    record ProvisionNumberCommand(TenantId tenant, String phoneNumber, String friendlyName, String inboundScenario) {
    }
}
