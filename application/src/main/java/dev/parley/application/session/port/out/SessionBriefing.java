package dev.parley.application.session.port.out;

import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/**
 * Briefs a browser session the way a phone call would be briefed. One strategy per source: a
 * scenario today; an organization (seed 003 {@code org_id}) can be a second implementation.
 */
public interface SessionBriefing {
    /** Empty when the tenant has no such scenario (another tenant's included). */
    Optional<BrowserBrief> forScenario(TenantId tenant, String scenarioRef);
}
