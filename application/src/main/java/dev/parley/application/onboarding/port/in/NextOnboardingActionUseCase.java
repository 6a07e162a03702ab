package dev.parley.application.onboarding.port.in;

import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** What the tenant should do next. */
public interface NextOnboardingActionUseCase {
    NextAction next(TenantId tenant);

    /** @param step empty when onboarding is complete; @param priority high, medium or low */
    record NextAction(boolean onboardingComplete, Optional<String> step, String title, String description, Optional<String> endpoint,
                      String priority) {
    }
}
