package dev.parley.adapter.out.persistence.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("refresh_tokens")
record RefreshTokenRow(@Id long id,
                       long tenantId,
                       long family,
                       String tokenHash,
                       Instant createdAt,
                       Instant expiresAt,
                       @Nullable Instant revokedAt) {
}
