package dev.parley.application.session.port.in;

import dev.parley.application.call.port.in.CallView;
import dev.parley.domain.call.CallChannel;
import dev.parley.domain.call.CallDirection;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;

/**
 * A client starts a call for one of the tenant's organizations that it runs itself (seed 003 {@code POST /api/call/start}):
 * a browser session, or a phone call carried elsewhere. The call is recorded in progress, in the organization's greeting.
 */
public interface StartClientCallUseCase {
    /**
     * @throws dev.parley.application.organization.port.in.OrganizationNotFoundException no such organization for this tenant
     * @throws dev.parley.domain.shared.InvalidValueException a browser call with a phone number
     */
    CallView start(StartClientCallCommand command);

    /** @param customerNumber the other party's number on a phone call; null when unknown, always on a browser call */
    record StartClientCallCommand(TenantId tenant, OrgId org, CallChannel channel, CallDirection direction, PhoneNumber customerNumber) {
    }
}
