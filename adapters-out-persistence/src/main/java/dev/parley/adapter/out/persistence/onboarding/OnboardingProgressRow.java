package dev.parley.adapter.out.persistence.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("onboarding_progress")
record OnboardingProgressRow(@Id long tenantId,
                             boolean phoneNumberSetup,
                             boolean calendarConnected,
                             boolean firstScenarioCreated,
                             boolean welcomeCallCompleted,
                             @Nullable String currentStep,
                             Instant startedAt,
                             @Nullable Instant completedAt) {
}
