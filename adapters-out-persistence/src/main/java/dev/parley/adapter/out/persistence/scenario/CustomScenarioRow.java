package dev.parley.adapter.out.persistence.scenario;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

@MappedEntity("custom_scenarios")
record CustomScenarioRow(@Id long id,
                         long tenantId,
                         String scenarioId,
                         String persona,
                         String prompt,
                         String voiceType,
                         double temperature,
                         Instant createdAt,
                         Instant updatedAt,
                         @Nullable String transferPhoneNumber,
                         boolean calendarTools) {
}
