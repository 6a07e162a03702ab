package dev.parley.application.call.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

/** Calls someone on the tenant's behalf, running one of the tenant's scenarios. */
public interface PlaceOutboundCallUseCase {
    PlacedCall place(PlaceOutboundCallCommand command);

    record PlaceOutboundCallCommand(TenantId tenant, PhoneNumber to, String scenarioRef) {
    }

    record PlacedCall(CallId call, String carrierSid) {
    }
}
