package dev.parley.application.organization.port.in;

import dev.parley.domain.call.CallId;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** The organization side of one of the tenant's calls. */
public interface GetOrganizationCallUseCase {
    /** Empty for a call that ran no organization, an unknown call, or another tenant's. */
    Optional<OrgCallView> find(TenantId tenant, CallId call);
}
