package dev.parley.application.organization.port.in;

import dev.parley.domain.organization.OrgConfig;
import dev.parley.domain.organization.Organization;

import java.time.Instant;

/** An organization as its tenant sees it, with its whole configuration. */
public record OrganizationView(long orgId, String name, OrgConfig config, Instant createdAt, Instant updatedAt) {
    public static OrganizationView of(Organization o) {
        return new OrganizationView(o.id().value(), o.name(), o.config(), o.createdAt(), o.updatedAt());
    }
}
