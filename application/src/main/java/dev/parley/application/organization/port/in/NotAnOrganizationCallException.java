package dev.parley.application.organization.port.in;

import dev.parley.domain.shared.ConflictException;

/** The call runs a scenario, not an organization: organization features (escalation records, intake) do not apply. */
public class NotAnOrganizationCallException extends ConflictException {
    public NotAnOrganizationCallException() {
        super("call.not-an-organization-call", "This call does not run for an organization");
    }
}
