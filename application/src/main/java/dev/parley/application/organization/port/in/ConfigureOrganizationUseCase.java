package dev.parley.application.organization.port.in;

import dev.parley.domain.organization.OrgConfig;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;

/** Replaces an organization's configuration (business, safety, escalation, intake, voice, language). */
public interface ConfigureOrganizationUseCase {
    /** @throws OrganizationNotFoundException for an unknown or another tenant's organization */
    OrganizationView configure(TenantId tenant, OrgId org, OrgConfig config);
}
