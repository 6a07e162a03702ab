package dev.parley.application.organization.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.organization.Urgency;
import dev.parley.domain.shared.TenantId;

/** A person escalates one of the tenant's organization calls by hand (manual override): it is flagged for follow-up. */
public interface EscalateCallManuallyUseCase {
    /**
     * @throws dev.parley.application.call.port.in.CallNotFoundException for an unknown or another tenant's call
     * @throws NotAnOrganizationCallException when the call runs a scenario rather than an organization
     */
    EscalationView escalate(TenantId tenant, CallId call, String reason, Urgency urgency);
}
