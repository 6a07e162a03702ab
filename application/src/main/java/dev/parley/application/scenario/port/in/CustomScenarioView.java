package dev.parley.application.scenario.port.in;

import dev.parley.domain.scenario.CustomScenario;
import dev.parley.domain.shared.PhoneNumber;

import java.time.Instant;

/**
 * What the outside may know of a custom scenario; {@code transferPhoneNumber} null when it has none of its own;
 * {@code calendarTools} whether its calls get the calendar tools.
 */
public record CustomScenarioView(long id, String scenarioId, String persona, String prompt, String voiceType, String realtimeVoice,
                                 double temperature, Instant createdAt, Instant updatedAt, String transferPhoneNumber,
                                 boolean calendarTools) {
    public static CustomScenarioView of(CustomScenario s) {
        return new CustomScenarioView(s.id(), s.ref(), s.persona().text(), s.prompt().text(), s.voice().wireName(),
                s.voice().realtimeVoice(), s.temperature().value(), s.createdAt(), s.updatedAt(),
                s.transferNumber().map(PhoneNumber::e164).orElse(null), s.calendarTools());
    }
}
