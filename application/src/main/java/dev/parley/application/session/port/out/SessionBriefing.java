package dev.parley.application.session.port.out;

import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/**
 * Briefs a browser session the way a phone call would be briefed. One strategy per source: a scenario
 * ({@code ScenarioSessionBriefing}), and on top of it an organization named {@code org:<id>} as its calls name
 * it ({@code OrganizationSessionBriefing}, seed 003 {@code org_id}).
 */
public interface SessionBriefing {
    /** Empty when the tenant has no such scenario or organization (another tenant's included). */
    Optional<BrowserBrief> forScenario(TenantId tenant, String scenarioRef);
}
