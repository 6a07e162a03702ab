package dev.parley.application.scenario.port.in;

import dev.parley.domain.scenario.Scenario;

/** A built-in scenario as listed to clients. */
public record BuiltInScenarioView(String name, String title, String persona, String prompt, String voiceType, String realtimeVoice,
                                  double temperature) {
    public static BuiltInScenarioView of(Scenario s) {
        return new BuiltInScenarioView(s.ref(), s.name(), s.persona().text(), s.prompt().text(), s.voice().wireName(),
                s.realtimeVoice(), s.temperature().value());
    }
}
