package dev.parley.application.organization.port.in;

import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;

/** One of the tenant's organizations with its configuration. */
public interface GetOrganizationUseCase {
    /** @throws OrganizationNotFoundException for an unknown or another tenant's organization */
    OrganizationView get(TenantId tenant, OrgId org);
}
