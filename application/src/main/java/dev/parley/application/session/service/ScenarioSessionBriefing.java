package dev.parley.application.session.service;

import dev.parley.application.conversation.port.out.CallTool;
import dev.parley.application.conversation.port.out.ConversationBrief;
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
    private final Function<CallScenario, List<CallTool>> toolsOf;

    /** @param toolsOf the tools a call of the scenario gets (the conversation context's choice) */
    public ScenarioSessionBriefing(FindCallScenarioUseCase scenarios, Function<CallScenario, List<CallTool>> toolsOf) {
        this.scenarios = scenarios;
        this.toolsOf = toolsOf;
    }

    @Override
    public Optional<BrowserBrief> forScenario(TenantId tenant, String scenarioRef) {
        if (scenarioRef == null || scenarioRef.isBlank()) return Optional.empty();
        return scenarios.find(tenant, scenarioRef.strip()).map(s -> new BrowserBrief(s.ref(), new ConversationBrief(
                s.instructions(), s.voice(), s.temperature(),
                toolsOf.apply(s).stream().map(t -> new ConversationBrief.Tool(t.name(), t.description(), t.parametersJsonSchema()))
                        .toList())));
    }
}
