package dev.parley.application.onboarding.port.out;

import dev.parley.domain.onboarding.OnboardingProgress;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** Stores each tenant's onboarding progress (one per tenant). */
public interface OnboardingRepository {
    Optional<OnboardingProgress> find(TenantId tenant);

    /** Adds the tenant's progress unless it has one already; answers whether it was added. */
    boolean addIfAbsent(OnboardingProgress progress);

    void update(OnboardingProgress progress);
}
