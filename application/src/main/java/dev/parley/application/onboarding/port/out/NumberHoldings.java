package dev.parley.application.onboarding.port.out;

import dev.parley.domain.shared.TenantId;

/** Evidence of the phone_setup step: the tenant holds a provisioned number. */
public interface NumberHoldings {
    boolean holdsNumber(TenantId tenant);
}
