package dev.parley.adapter.out.persistence.tenancy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

@MappedEntity("users")
record UserRow(@Id long id,
               String email,
               String hashedPassword,
               @MappedProperty("is_active") boolean active,
               @MappedProperty("is_admin") boolean admin,
               Instant createdAt) {
}
