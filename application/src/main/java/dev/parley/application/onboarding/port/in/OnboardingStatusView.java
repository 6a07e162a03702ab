package dev.parley.application.onboarding.port.in;

import dev.parley.domain.onboarding.OnboardingProgress;
import dev.parley.domain.onboarding.OnboardingStep;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A tenant's onboarding: every step in wizard order with whether it is done, the current step, and when it started and ended. */
public record OnboardingStatusView(long tenantId, List<StepState> steps, Optional<String> currentStep, Instant startedAt,
                                   Optional<Instant> completedAt) {
    public record StepState(String step, String title, boolean completed) {
    }

    public static OnboardingStatusView of(OnboardingProgress p) {
        List<StepState> steps = Arrays.stream(OnboardingStep.values())
                .map(s -> new StepState(s.wireName(), s.title(), p.isDone(s))).toList();
        return new OnboardingStatusView(p.tenant().value(), steps, p.currentStep().map(OnboardingStep::wireName), p.startedAt(),
                p.completedAt());
    }

    public boolean isDone(String step) {
        return steps.stream().anyMatch(s -> s.step().equals(step) && s.completed());
    }

    public boolean isComplete() {
        return completedAt.isPresent();
    }
}
