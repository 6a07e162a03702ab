package dev.parley.application.onboarding.port.in;

import dev.parley.domain.shared.TenantId;

/** Whether one step is done, detecting it from real state first. */
public interface CheckOnboardingStepUseCase {
    boolean isDone(TenantId tenant, String step);
}
