package dev.parley.application.telephony.port.in;

import dev.parley.domain.shared.TenantId;

/** Gives one of the tenant's numbers back to the carrier and forgets it. */
public interface ReleaseNumberUseCase {
    void release(TenantId tenant, String phoneNumber);
}
