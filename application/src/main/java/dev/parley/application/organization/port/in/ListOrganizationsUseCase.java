package dev.parley.application.organization.port.in;

import dev.parley.domain.shared.TenantId;

import java.util.List;

/** The tenant's organizations, oldest first. */
public interface ListOrganizationsUseCase {
    List<OrganizationView> list(TenantId tenant);
}
