package dev.parley.adapter.out.persistence.organization;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** @param intake the collected intake data as a JSON object, null until some was submitted */
@MappedEntity("org_calls")
record OrgCallRow(@Id long callId, long tenantId, long orgId, String phase, boolean escalated, @Nullable String intake,
                  String intakeUrgency, boolean intakeComplete, Instant updatedAt) {
}
