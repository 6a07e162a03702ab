package dev.parley.application.session.service;

import dev.parley.application.organization.port.in.BriefOrganizationCallUseCase;
import dev.parley.application.organization.port.in.OrganizationBrief;
import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.session.port.out.BrowserBrief;
import dev.parley.application.session.port.out.SessionBriefing;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Briefs a browser session for an organization (seed 003, named {@code org:<id>} as its phone calls are) from the
 * organization's brief: its composed instructions, voice, transcription language and the tools its phone calls get;
 * any other reference goes to the scenario briefing.
 */
public final class OrganizationSessionBriefing implements SessionBriefing {
    private final SessionBriefing scenarios;
    private final FindCallScenarioUseCase callScenarios;
    private final BriefOrganizationCallUseCase organizations;
    private final BiFunction<CallScenario, OrganizationBrief, List<BrowserBrief.Tool>> toolsOf;

    /**
     * @param callScenarios what a phone call of {@code org:<id>} runs (instructions, voice, temperature)
     * @param toolsOf       the tools a phone call of the organization gets (the conversation context's choice, wired in bootstrap)
     */
    public OrganizationSessionBriefing(SessionBriefing scenarios, FindCallScenarioUseCase callScenarios,
                                       BriefOrganizationCallUseCase organizations,
                                       BiFunction<CallScenario, OrganizationBrief, List<BrowserBrief.Tool>> toolsOf) {
        this.scenarios = scenarios;
        this.callScenarios = callScenarios;
        this.organizations = organizations;
        this.toolsOf = toolsOf;
    }

    @Override
    public Optional<BrowserBrief> forScenario(TenantId tenant, String scenarioRef) {
        Optional<OrgId> org = OrgId.fromCallRef(scenarioRef == null ? null : scenarioRef.strip());
        if (org.isEmpty()) return scenarios.forScenario(tenant, scenarioRef);
        Optional<OrganizationBrief> brief = organizations.brief(tenant, org.get());
        if (brief.isEmpty()) return Optional.empty();
        return callScenarios.find(tenant, org.get().callRef()).map(s -> new BrowserBrief(s.ref(), s.instructions(), s.voice(),
                s.temperature(), toolsOf.apply(s, brief.get()), brief.get().transcriptionLanguage()));
    }
}
