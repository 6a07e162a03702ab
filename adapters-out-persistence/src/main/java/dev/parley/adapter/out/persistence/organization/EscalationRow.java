package dev.parley.adapter.out.persistence.organization;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("org_call_escalations")
record EscalationRow(@Id long id, long tenantId, long callId, long orgId, String source, String words, String reason, String urgency,
                     String action, Instant createdAt) {
}
