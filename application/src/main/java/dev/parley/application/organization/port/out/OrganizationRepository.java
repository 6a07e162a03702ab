package dev.parley.application.organization.port.out;

import dev.parley.domain.organization.OrgId;
import dev.parley.domain.organization.Organization;
import dev.parley.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** Stores organizations; every lookup is scoped to one tenant. */
public interface OrganizationRepository {
    OrgId nextId();

    void add(Organization organization);

    void update(Organization organization);

    Optional<Organization> find(TenantId tenant, OrgId id);

    /** Oldest first. */
    List<Organization> list(TenantId tenant);

    boolean delete(TenantId tenant, OrgId id);
}
