package dev.parley.adapter.out.persistence.call;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("calls")
record CallRow(@Id long id,
               long tenantId,
               @Nullable String callSid,
               String direction,
               String customerNumber,
               String organizationNumber,
               String scenarioRef,
               String status,
               Instant startTime,
               @Nullable Instant answeredAt,
               @Nullable Instant endTime,
               long duration,
               @Nullable String endReason,
               @Nullable String streamTokenHash,
               @Nullable Instant streamTokenExpiresAt,
               Instant updatedAt,
               String channel) {
}
