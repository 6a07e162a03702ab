package dev.parley.application.onboarding.port.out;

import dev.parley.domain.shared.TenantId;

/** Evidence of the welcome_call_completed step: one of the tenant's calls has completed. */
public interface CallActivity {
    boolean hasCompletedCall(TenantId tenant);
}
