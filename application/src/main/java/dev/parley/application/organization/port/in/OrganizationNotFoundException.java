package dev.parley.application.organization.port.in;

import dev.parley.domain.shared.NotFoundException;

/** No such organization for the asking tenant (another tenant's included). */
public class OrganizationNotFoundException extends NotFoundException {
    public OrganizationNotFoundException() {
        super("organization.not-found", "Organization not found");
    }
}
