package dev.parley.adapter.out.persistence.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("scheduled_calls")
record ScheduledCallRow(@Id long id,
                        long tenantId,
                        String phoneNumber,
                        String scenarioRef,
                        Instant scheduledTime,
                        Instant dueAt,
                        String status,
                        int attempts,
                        @Nullable String lastError,
                        @Nullable Long callId,
                        @Nullable String callSid,
                        Instant createdAt,
                        Instant updatedAt) {
}
