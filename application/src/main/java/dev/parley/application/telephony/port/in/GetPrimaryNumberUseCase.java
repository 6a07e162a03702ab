package dev.parley.application.telephony.port.in;

import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** The tenant's primary number (the oldest it holds); empty when it holds none. */
public interface GetPrimaryNumberUseCase {
    Optional<PhoneNumberView> primary(TenantId tenant);
}
