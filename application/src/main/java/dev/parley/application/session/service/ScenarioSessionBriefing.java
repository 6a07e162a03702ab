package dev.parley.application.session.service;

import dev.parley.application.scenario.port.in.CallScenario;
import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.session.port.out.BrowserBrief;
import dev.parley.application.session.port.out.SessionBriefing;
import dev.parley.domain.shared.TenantId;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Briefs a browser session from a scenario: its instructions, voice and temperature, and the tools its phone calls get. */
public final class ScenarioSessionBriefing implements SessionBriefing {
    private final FindCallScenarioUseCase scenarios;
    private final Function<CallScenario, List<BrowserBrief.Tool>> toolsOf;

    /** @param toolsOf the tools a phone call of the scenario gets (the conversation context's choice, wired in bootstrap) */
    public ScenarioSessionBriefing(FindCallScenarioUseCase scenarios, Function<CallScenario, List<BrowserBrief.Tool>> toolsOf) {
        this.scenarios = scenarios;
        this.toolsOf = toolsOf;
    }

    @Override
    public Optional<BrowserBrief> forScenario(TenantId tenant, String scenarioRef) {
        if (scenarioRef == null || scenarioRef.isBlank()) return Optional.empty();
        return scenarios.find(tenant, scenarioRef.strip())
                .map(s -> new BrowserBrief(s.ref(), s.instructions(), s.voice(), s.temperature(), toolsOf.apply(s)));
    }
}
