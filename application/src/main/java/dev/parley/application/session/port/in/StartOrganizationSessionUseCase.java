package dev.parley.application.session.port.in;

import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;

/**
 * Opens a browser realtime session for one of the tenant's organizations (seed 003 {@code POST /api/realtime/session}):
 * briefed as a phone call of that organization is, its call record (channel {@code browser}) runs for the organization.
 */
public interface StartOrganizationSessionUseCase {
    /**
     * @throws dev.parley.application.organization.port.in.OrganizationNotFoundException no such organization for this tenant
     * @throws dev.parley.application.session.port.out.RealtimeUnavailableException the vendor is not configured or refused
     */
    BrowserSessionView start(TenantId tenant, OrgId org);
}
