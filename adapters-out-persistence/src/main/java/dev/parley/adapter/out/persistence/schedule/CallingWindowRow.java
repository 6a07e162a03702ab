package dev.parley.adapter.out.persistence.schedule;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("calling_windows")
record CallingWindowRow(@Id long tenantId,
                        String timeZone,
                        String startTime,
                        String endTime,
                        String days,
                        Instant updatedAt) {
}
