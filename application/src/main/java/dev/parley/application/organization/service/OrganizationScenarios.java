package dev.parley.application.organization.service;

import dev.parley.application.organization.port.in.BriefOrganizationCallUseCase;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;

import java.util.Optional;

/**
 * Lets a call run for an organization wherever a call names its scenario: {@code org:<id>} finds the
 * tenant's organization and presents its brief as the call's scenario (instructions, voice, transfer number;
 * the assistant greets first); any other reference goes to the scenarios.
 */
public final class OrganizationScenarios implements FindCallScenarioUseCase {
    private final FindCallScenarioUseCase scenarios;
    private final BriefOrganizationCallUseCase briefs;

    public OrganizationScenarios(FindCallScenarioUseCase scenarios, BriefOrganizationCallUseCase briefs) {
        this.scenarios = scenarios;
        this.briefs = briefs;
    }

    @Override
    public Optional<CallScenario> find(TenantId tenant, String scenarioRef) {
        Optional<OrgId> org = OrgId.fromCallRef(scenarioRef);
        if (org.isEmpty()) return scenarios.find(tenant, scenarioRef);
        return briefs.brief(tenant, org.get()).map(b -> new CallScenario(scenarioRef, b.name(), b.instructions(), b.voice(), 0.8, true,
                b.escalation().transferTo().orElse(null)));
    }
}
