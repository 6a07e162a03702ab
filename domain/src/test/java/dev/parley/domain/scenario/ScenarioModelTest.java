package dev.parley.domain.scenario;

import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioModelTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final TenantId ANN = new TenantId(7);

    @Test
    void theInstructionsPutTheSafetyPreambleBeforePersonaAndPrompt() {
        Scenario s = new Scenario("x", "X", new Persona("You are Bob."), new Prompt("Sell apples."), VoiceType.CALM_MALE,
                Temperature.DEFAULT, true);
        String instructions = s.instructions();
        assertThat(instructions).startsWith(Scenario.SAFETY_PREAMBLE);
        assertThat(instructions.indexOf("You are Bob.")).isLessThan(instructions.indexOf("Sell apples."))
                .isGreaterThan(Scenario.SAFETY_PREAMBLE.length());
        assertThat(s.realtimeVoice()).isEqualTo("cedar");
    }

    @Test
    void theCatalogueMapsCharactersToRealtimeVoicesAndAcceptsBareVoices() {
        assertThat(VoiceType.parse("aggressive_male").realtimeVoice()).isEqualTo("ash");
        assertThat(VoiceType.parse(" Concerned_Female ").realtimeVoice()).isEqualTo("shimmer");
        assertThat(VoiceType.parse("coral").realtimeVoice()).isEqualTo("coral");
        assertThat(VoiceType.parse(null)).isEqualTo(VoiceType.DEFAULT);
        assertThatThrownBy(() -> VoiceType.parse("robot"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("voice_type"))
                .hasMessageContaining("aggressive_male");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.59, 1.21, -1, 2, Double.NaN})
    void temperaturesOutsideTheRealtimeRangeAreRefused(double t) {
        assertThatThrownBy(() -> new Temperature(t))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("temperature"));
    }

    @Test
    void personaAndPromptAreRequiredAndBounded() {
        assertThatThrownBy(() -> new Persona("  ")).hasMessage("persona is required");
        assertThatThrownBy(() -> new Prompt(null)).hasMessage("prompt is required");
        assertThatThrownBy(() -> new Persona("a".repeat(Persona.MAX_LENGTH + 1))).hasMessageContaining("at most");
        assertThatThrownBy(() -> new Prompt("a".repeat(Prompt.MAX_LENGTH + 1))).hasMessageContaining("at most");
        assertThat(new Persona("  hi ").text()).isEqualTo("hi");
    }

    @Test
    void theTwentyFirstScenarioIsRefused() {
        CustomScenario twentieth = CustomScenario.create(1, ANN, "r", 19, new Persona("p"), new Prompt("q"), VoiceType.ASH,
                Temperature.DEFAULT, NOW);
        assertThat(twentieth.ref()).isEqualTo("r");
        assertThatThrownBy(() -> CustomScenario.create(2, ANN, "s", 20, new Persona("p"), new Prompt("q"), VoiceType.ASH,
                Temperature.DEFAULT, NOW)).isInstanceOf(ScenarioLimitReachedException.class).hasMessageContaining("20");
    }

    @Test
    void refsFollowTheSeedsFormAndStayUniqueWithinOneSecond() {
        assertThat(CustomScenario.refFor(ANN, NOW, 0)).isEqualTo("custom_7_" + NOW.getEpochSecond());
        assertThat(CustomScenario.refFor(ANN, NOW, 1)).isEqualTo("custom_7_" + NOW.getEpochSecond() + "_2");
    }

    @Test
    void builtInsIncludeTheNamedOnesAndAreFoundByName() {
        assertThat(BuiltInScenarios.all()).extracting(Scenario::ref)
                .contains("default", "sales", "customer_service", "appointment_reminder");
        assertThat(BuiltInScenarios.named("Sales")).isPresent();
        assertThat(BuiltInScenarios.named("nope")).isEmpty();
    }
}
