package dev.parley.domain.onboarding;

import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnboardingModelTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void completedAtIsSetOnceWhenTheLastStepCompletes() {
        OnboardingProgress p = OnboardingProgress.start(new TenantId(1), NOW);
        assertThat(p.currentStep()).contains(OnboardingStep.PHONE_SETUP);
        assertThat(p.complete(OnboardingStep.FIRST_SCENARIO_CREATED, NOW)).isTrue();
        assertThat(p.complete(OnboardingStep.FIRST_SCENARIO_CREATED, NOW)).isFalse();
        assertThat(p.currentStep()).contains(OnboardingStep.PHONE_SETUP);
        p.complete(OnboardingStep.PHONE_SETUP, NOW);
        p.complete(OnboardingStep.CALENDAR_CONNECTED, NOW);
        assertThat(p.isComplete()).isFalse();
        p.complete(OnboardingStep.WELCOME_CALL_COMPLETED, NOW.plusSeconds(5));
        assertThat(p.completedAt()).contains(NOW.plusSeconds(5));
        assertThat(p.currentStep()).isEmpty();
        p.complete(OnboardingStep.WELCOME_CALL_COMPLETED, NOW.plusSeconds(50));
        assertThat(p.completedAt()).contains(NOW.plusSeconds(5));
    }

    @Test
    void stepNamesAreParsedAndUnknownOnesRefused() {
        assertThat(OnboardingStep.parse("phone_setup")).isEqualTo(OnboardingStep.PHONE_SETUP);
        assertThat(OnboardingStep.parse("phone_number_setup")).isEqualTo(OnboardingStep.PHONE_SETUP);
        assertThatThrownBy(() -> OnboardingStep.parse("fly"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("step"))
                .hasMessageContaining("welcome_call_completed");
    }
}
