package dev.parley.application.organization.port.in;

import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/** Briefs a conversation for one of the tenant's organizations (a phone call or a browser session). */
public interface BriefOrganizationCallUseCase {
    /** Empty for an unknown or another tenant's organization. */
    Optional<OrganizationBrief> brief(TenantId tenant, OrgId org);
}
