package dev.parley.application.scenario.port.in;

import dev.parley.domain.scenario.CustomScenario;

import java.time.Instant;

/** What the outside may know of a custom scenario. */
public record CustomScenarioView(long id, String scenarioId, String persona, String prompt, String voiceType, String realtimeVoice,
                                 double temperature, Instant createdAt, Instant updatedAt) {
    public static CustomScenarioView of(CustomScenario s) {
        return new CustomScenarioView(s.id(), s.ref(), s.persona().text(), s.prompt().text(), s.voice().wireName(),
                s.voice().realtimeVoice(), s.temperature().value(), s.createdAt(), s.updatedAt());
    }
}
