package dev.parley.application.onboarding.port.in;

import dev.parley.domain.shared.TenantId;

/** Starts the tenant's onboarding; harmless when it has started already (progress is kept). */
public interface StartOnboardingUseCase {
    OnboardingStatusView start(TenantId tenant);
}
