package dev.parley.application.telephony.port.in;

import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

/**
 * The number an outbound call of this tenant shows: in development mode the system number,
 * in production the tenant's primary number. A tenant without one gets
 * {@link NoCallerIdException} (a clear 4xx), never a call from someone else's number.
 */
public interface ChooseCallerIdUseCase {
    PhoneNumber callerIdFor(TenantId tenant);
}
