package dev.parley.application.organization.port.in;

import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;

/** Deletes one of the tenant's organizations; its past calls keep their records. */
public interface DeleteOrganizationUseCase {
    /** @throws OrganizationNotFoundException for an unknown or another tenant's organization */
    void delete(TenantId tenant, OrgId org);
}
