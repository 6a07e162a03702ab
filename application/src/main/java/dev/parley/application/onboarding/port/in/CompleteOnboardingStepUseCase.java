package dev.parley.application.onboarding.port.in;

import dev.parley.domain.shared.TenantId;

/** The tenant says a step is done (or skips an optional one, such as the calendar). */
public interface CompleteOnboardingStepUseCase {
    OnboardingStatusView complete(TenantId tenant, String step);
}
