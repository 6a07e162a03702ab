package dev.parley.adapter.in.web.scenario;

import dev.parley.application.scenario.port.in.BuiltInScenarioView;
import dev.parley.application.scenario.port.in.CustomScenarioCommand;
import dev.parley.application.scenario.port.in.CustomScenarioView;
import dev.parley.application.scenario.port.in.VoiceTypeView;
import dev.parley.domain.shared.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Request and response bodies of the scenario routes (seeds 000 and 004, snake_case). */
final class ScenarioMessages {
    private ScenarioMessages() {
    }

    /**
     * Seed 000's scenario body; {@code voice_type} from the catalogue (GET /scenarios/voices), temperature 0.6-1.2.
     * Beyond the seed: {@code transfer_phone_number} (E.164, optional), where the scenario's calls are transferred, and
     * {@code calendar_tools} (optional, default false): its calls get check_availability, find_slots and book_meeting.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record CustomScenarioRequest(@NotBlank @Size(max = 4000) String persona,
                                 @NotBlank @Size(max = 8000) String prompt,
                                 @Nullable @Size(max = 32) String voiceType,
                                 @Nullable Double temperature,
                                 @Nullable @Size(max = 32) String transferPhoneNumber,
                                 @Nullable Boolean calendarTools) {
        CustomScenarioCommand toCommand(TenantId tenant) {
            return new CustomScenarioCommand(tenant, persona, prompt, voiceType, temperature, transferPhoneNumber,
                    Boolean.TRUE.equals(calendarTools));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record CreatedResponse(long id, String scenarioId, String message) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record CustomScenarioResponse(long id, String scenarioId, String persona, String prompt, String voiceType, String realtimeVoice,
                                  double temperature, Instant createdAt, Instant updatedAt, @Nullable String transferPhoneNumber,
                                  boolean calendarTools) {
        static CustomScenarioResponse from(CustomScenarioView v) {
            return new CustomScenarioResponse(v.id(), v.scenarioId(), v.persona(), v.prompt(), v.voiceType(), v.realtimeVoice(),
                    v.temperature(), v.createdAt(), v.updatedAt(), v.transferPhoneNumber(), v.calendarTools());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record BuiltInScenarioResponse(String name, String title, String persona, String prompt, String voiceType, String realtimeVoice,
                                   double temperature) {
        static BuiltInScenarioResponse from(BuiltInScenarioView v) {
            return new BuiltInScenarioResponse(v.name(), v.title(), v.persona(), v.prompt(), v.voiceType(), v.realtimeVoice(),
                    v.temperature());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record VoiceTypeResponse(String voiceType, String realtimeVoice, String description) {
        static VoiceTypeResponse from(VoiceTypeView v) {
            return new VoiceTypeResponse(v.voiceType(), v.realtimeVoice(), v.description());
        }
    }

    @Serdeable
    record MessageResponse(String message) {
    }
}
