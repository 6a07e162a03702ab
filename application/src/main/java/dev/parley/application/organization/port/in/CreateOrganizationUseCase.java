package dev.parley.application.organization.port.in;

import dev.parley.domain.shared.TenantId;

/** Creates an organization for the tenant; its configuration starts from its name. */
public interface CreateOrganizationUseCase {
    /** @throws dev.parley.domain.shared.InvalidValueException for a blank or too long name */
    OrganizationView create(TenantId tenant, String name);
}
