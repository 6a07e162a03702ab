package dev.parley.application.telephony.port.in;

import dev.parley.domain.shared.TenantId;

import java.util.List;

/** The tenant's own numbers, primary first. */
public interface ListTenantNumbersUseCase {
    List<PhoneNumberView> list(TenantId tenant);
}
