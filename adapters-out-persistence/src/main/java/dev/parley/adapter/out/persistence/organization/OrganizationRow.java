package dev.parley.adapter.out.persistence.organization;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** @param config the configuration as JSON ({@link OrgConfigDocument}) */
@MappedEntity("organizations")
record OrganizationRow(@Id long id, long tenantId, String name, String config, Instant createdAt, Instant updatedAt) {
}
