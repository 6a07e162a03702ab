package dev.parley.application.onboarding.port.in;

import dev.parley.domain.shared.TenantId;

/** The tenant's onboarding, with steps completed from what the tenant has really done (a number, a scenario, a call). */
public interface GetOnboardingStatusUseCase {
    OnboardingStatusView status(TenantId tenant);
}
